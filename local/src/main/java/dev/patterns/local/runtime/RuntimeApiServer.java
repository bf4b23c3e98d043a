package dev.patterns.local.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The subset of Lambda's Runtime API one execution environment uses: next invocation, response,
 * error, init error. One server per environment, on a loopback port.
 */
final class RuntimeApiServer implements AutoCloseable {

    record Invocation(String requestId, byte[] event, long deadlineMillis, String functionArn) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "runtime-api");
        thread.setDaemon(true);
        return thread;
    });
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<InvocationResult>> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
    private volatile String initError;

    RuntimeApiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/2018-06-01/runtime/", this::handle);
        server.start();
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    CompletableFuture<InvocationResult> submit(Invocation invocation) {
        CompletableFuture<InvocationResult> result = new CompletableFuture<>();
        if (initError != null) {
            result.complete(error(invocation.requestId(), initError));
            return result;
        }
        inFlight.put(invocation.requestId(), result);
        pending.add(invocation);
        return result;
    }

    /** The environment's process ended: nothing in flight can answer any more. */
    void processExited(int exitCode) {
        String document = initError != null ? initError
                : "{\"errorMessage\":\"Runtime exited with error: exit status " + exitCode + "\",\"errorType\":\"Runtime.ExitError\"}";
        inFlight.forEach((id, future) -> future.complete(error(id, document)));
        inFlight.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/2018-06-01/runtime/".length());
        try (exchange) {
            if (path.equals("invocation/next")) {
                Invocation next = pending.take();
                startedAt.put(next.requestId(), System.nanoTime());
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next.requestId());
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(next.deadlineMillis()));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", next.functionArn());
                exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
                reply(exchange, 200, next.event());
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals("init/error")) {
                initError = body;
                reply(exchange, 202, new byte[0]);
                return;
            }
            String[] parts = path.split("/");
            if (parts.length == 3 && parts[0].equals("invocation")) {
                CompletableFuture<InvocationResult> future = inFlight.remove(parts[1]);
                if (future != null) {
                    Long started = startedAt.remove(parts[1]);
                    Duration took = Duration.ofNanos(System.nanoTime() - (started == null ? System.nanoTime() : started));
                    future.complete(parts[2].equals("response")
                            ? new InvocationResult.Success(parts[1], body, took)
                            : error(parts[1], body));
                }
                reply(exchange, 202, new byte[0]);
                return;
            }
            reply(exchange, 404, new byte[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InvocationResult error(String requestId, String document) {
        String type = field(document, "errorType");
        String message = field(document, "errorMessage");
        return new InvocationResult.FunctionError(requestId, type, message, document);
    }

    private static String field(String document, String name) {
        try {
            var node = dev.patterns.local.template.Json.MAPPER.readTree(document);
            return node.path(name).asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
