package dev.patterns.local.sources;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.patterns.local.provision.ProvisionedStack;
import dev.patterns.local.runtime.FunctionSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lambda's Invoke API for asynchronous invocations ({@code X-Amz-Invocation-Type: Event}) on a
 * loopback port. The emulator cannot run functions, so the local runtime points
 * {@code AWS_ENDPOINT_URL_LAMBDA} here, and a function that invokes another (the DLQ redrive
 * re-invoking the function of a destination record) makes its real SDK call. As Lambda does, it
 * queues the event, answers 202 at once, and plays the asynchronous invocation (retries,
 * destinations) afterwards, one event at a time. Synchronous invocations are refused: a function
 * calling another and waiting would hold the local runtime's one invocation at a time.
 */
public final class LocalInvokeApi implements AutoCloseable {

    private static final String PATH = "/2015-03-31/functions/";

    private final HttpServer server;
    private final ExecutorService invocations = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "local-async-invoke");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Future<AsyncOutcome>> accepted = new ArrayList<>();
    private volatile java.util.Map<String, String> logicalIdsByName;
    private volatile AsyncInvoker invoker;

    private LocalInvokeApi(HttpServer server) {
        this.server = server;
    }

    public static LocalInvokeApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            LocalInvokeApi api = new LocalInvokeApi(server);
            server.createContext(PATH, api::handle);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the local Lambda Invoke API on a loopback port", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The functions it serves and how it runs them; until then every call is answered 503. */
    public void connect(ProvisionedStack stack, AsyncInvoker invoker) {
        this.logicalIdsByName = FunctionSpec.all(stack).stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(FunctionSpec::functionName, FunctionSpec::logicalId));
        this.invoker = invoker;
    }

    /** Waits until every event accepted since the last call has run its asynchronous invocation, and returns what each did. */
    public List<AsyncOutcome> awaitAccepted(Duration timeout) throws InterruptedException, TimeoutException {
        List<Future<AsyncOutcome>> pending;
        synchronized (accepted) {
            pending = List.copyOf(accepted);
            accepted.clear();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<AsyncOutcome> outcomes = new ArrayList<>();
        for (Future<AsyncOutcome> outcome : pending) {
            try {
                outcomes.add(outcome.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (ExecutionException e) {
                throw new IllegalStateException("An accepted asynchronous invocation could not be run", e.getCause());
            }
        }
        return outcomes;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] payload = exchange.getRequestBody().readAllBytes();
            String rawPath = exchange.getRequestURI().getRawPath();
            if (!"POST".equals(exchange.getRequestMethod()) || !rawPath.endsWith("/invocations")) {
                error(exchange, 404, "UnknownOperationException", "The local Lambda API serves Invoke only, not "
                        + exchange.getRequestMethod() + " " + rawPath);
                return;
            }
            if (logicalIdsByName == null || invoker == null) {
                error(exchange, 503, "ServiceException", "The local Lambda API is not connected to a stack yet");
                return;
            }
            String name = URLDecoder.decode(rawPath.substring(PATH.length(), rawPath.length() - "/invocations".length()), StandardCharsets.UTF_8);
            Optional<String> logicalId = logicalIdOf(name);
            if (logicalId.isEmpty()) {
                error(exchange, 404, "ResourceNotFoundException", "Function not found: " + name);
                return;
            }
            String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type")).orElse("RequestResponse");
            if (!"Event".equals(type)) {
                error(exchange, 400, "InvalidParameterValueException", "The local Lambda API runs InvocationType Event only, not " + type);
                return;
            }
            String event = new String(payload, StandardCharsets.UTF_8);
            Instant received = Instant.now();
            synchronized (accepted) {
                accepted.add(invocations.submit(() -> invoker.invoke(logicalId.get(), event, received)));
            }
            exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.sendResponseHeaders(202, -1);
        }
    }

    /** A function name, a full or partial ARN, each with or without a version or alias qualifier. */
    private Optional<String> logicalIdOf(String functionName) {
        String name = functionName;
        int function = name.indexOf("function:");
        if (function >= 0) {
            name = name.substring(function + "function:".length());
        }
        int qualifier = name.indexOf(':');
        return Optional.ofNullable(logicalIdsByName.get(qualifier >= 0 ? name.substring(0, qualifier) : name));
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        byte[] body = ("{\"Type\":\"User\",\"message\":" + dev.patterns.local.template.Json.MAPPER.writeValueAsString(message) + "}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        invocations.shutdownNow();
    }
}
