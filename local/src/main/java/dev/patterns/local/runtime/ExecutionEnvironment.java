package dev.patterns.local.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One execution environment: a JVM of its own running the function's built artifact and layers
 * under the local runtime shim, with exactly the environment variables Lambda would give it.
 * It stays warm between invocations, and is discarded after a timeout, like Lambda's.
 */
public final class ExecutionEnvironment implements AutoCloseable {

    private final FunctionSpec spec;
    private final Process process;
    private final RuntimeApiServer api;
    private final long startedNanos;
    private final List<Thread> pumps = new ArrayList<>();

    private ExecutionEnvironment(FunctionSpec spec, Process process, RuntimeApiServer api, long startedNanos, LogSink sink) {
        this.spec = spec;
        this.process = process;
        this.api = api;
        this.startedNanos = startedNanos;
        pumps.add(pump(process.getInputStream(), sink));
        pumps.add(pump(process.getErrorStream(), sink));
        process.onExit().thenAccept(exited -> api.processExited(exited.exitValue()));
    }

    static ExecutionEnvironment start(FunctionSpec spec, List<Path> classpath, Map<String, String> environment,
            List<String> jvmFlags, LogSink sink) {
        try {
            RuntimeApiServer api = new RuntimeApiServer();
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(jvmFlags);
            // Lambda sizes the heap from the configured memory; leave room for metaspace and buffers.
            command.add("-Xmx" + Math.max(64, spec.memoryMb() * 85 / 100) + "m");
            command.add("-cp");
            command.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
            command.add("dev.patterns.local.runtime.child.LocalRuntimeMain");
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().clear();
            builder.environment().putAll(environment);
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
            long started = System.nanoTime();
            Process process = builder.start();
            return new ExecutionEnvironment(spec, process, api, started, sink);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start an execution environment for " + spec.logicalId() + ": " + e.getMessage(), e);
        }
    }

    /** Runs one invocation, waiting at most the function's Timeout. */
    public InvocationResult invoke(String event) {
        String requestId = UUID.randomUUID().toString();
        Duration timeout = Duration.ofSeconds(spec.timeoutSeconds());
        var future = api.submit(new RuntimeApiServer.Invocation(requestId, event.getBytes(StandardCharsets.UTF_8),
                System.currentTimeMillis() + timeout.toMillis(), spec.functionArn("us-east-1", "123456789012")));
        try {
            return future.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            close();
            return new InvocationResult.TimedOut(requestId, timeout);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Invocation failed inside the local runtime", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while invoking " + spec.logicalId(), e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Nanoseconds since the JVM process was launched. */
    public long nanosSinceLaunch() {
        return System.nanoTime() - startedNanos;
    }

    /** Peak resident set size of the environment's JVM so far (Linux VmHWM), in kilobytes. */
    public OptionalLong peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux, or the process is gone.
        }
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        api.close();
        for (Thread pump : pumps) {
            try {
                pump.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Thread pump(InputStream stream, LogSink sink) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    sink.line(spec.logicalId(), line);
                }
            } catch (IOException closed) {
                // The process ended.
            }
        }, "logs-" + spec.logicalId());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
