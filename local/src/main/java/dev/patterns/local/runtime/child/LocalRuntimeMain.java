package dev.patterns.local.runtime.child;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The runtime loop of the function's own JVM, speaking Lambda's Runtime API to the local mode:
 * init the handler once, then next-invocation, invoke, respond, as the managed java25 runtime
 * does. It lives in its own small jar so the function's classpath holds nothing else of the
 * local mode.
 */
public final class LocalRuntimeMain {

    private static final String API_VERSION = "/2018-06-01/runtime";

    private LocalRuntimeMain() {
    }

    public static void main(String[] args) throws Exception {
        URI api = URI.create("http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + API_VERSION);
        HttpClient http = HttpClient.newHttpClient();
        HandlerInvoker invoker;
        try {
            invoker = HandlerInvoker.load(System.getenv("_HANDLER"), LocalRuntimeMain.class.getClassLoader());
        } catch (Throwable initFailure) {
            Throwable cause = unwrap(initFailure);
            System.err.println("Init failed: " + stackTrace(cause));
            post(http, api.resolve(API_VERSION + "/init/error"), errorJson(cause));
            System.exit(1);
            return;
        }
        while (true) {
            HttpResponse<byte[]> next = http.send(HttpRequest.newBuilder(URI.create(api + "/invocation/next")).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String requestId = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            long deadline = next.headers().firstValue("Lambda-Runtime-Deadline-Ms").map(Long::parseLong).orElseThrow();
            String functionArn = next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElse("");
            LocalContext context = new LocalContext(requestId, deadline, functionArn);
            try {
                byte[] response = invoker.invoke(next.body(), context);
                post(http, URI.create(api + "/invocation/" + requestId + "/response"), response);
            } catch (Throwable failure) {
                Throwable cause = unwrap(failure);
                context.getLogger().log(stackTrace(cause));
                post(http, URI.create(api + "/invocation/" + requestId + "/error"), errorJson(cause));
            }
        }
    }

    private static void post(HttpClient http, URI uri, byte[] body) throws Exception {
        http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.lang.reflect.InvocationTargetException
                || cause instanceof ExceptionInInitializerError) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The error document Lambda's Java runtime reports: errorMessage, errorType, stackTrace. */
    static byte[] errorJson(Throwable error) {
        String frames = Arrays.stream(error.getStackTrace())
                .map(frame -> quote(frame.toString()))
                .collect(Collectors.joining(","));
        String json = "{\"errorMessage\":" + quote(String.valueOf(error.getMessage()))
                + ",\"errorType\":" + quote(error.getClass().getName())
                + ",\"stackTrace\":[" + frames + "]}";
        return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
