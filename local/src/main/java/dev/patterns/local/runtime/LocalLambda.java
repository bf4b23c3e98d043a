package dev.patterns.local.runtime;

import dev.patterns.local.emulator.Emulator;
import dev.patterns.local.emulator.ProjectPaths;
import dev.patterns.local.provision.ProvisionedStack;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Lambda service of the local mode: runs the template's functions from their `sam build`
 * artifacts, one warm execution environment per function, pointed at the emulator only through
 * AWS_ENDPOINT_URL.
 */
public final class LocalLambda implements AutoCloseable {

    /** Lambda's own JVM flags for Java runtimes: C1 only, for start-up speed. */
    public static final List<String> LAMBDA_JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    private final ProvisionedStack stack;
    private final ProjectPaths paths;
    private final URI emulatorEndpoint;
    private final URI lambdaEndpoint;
    private final LogSink sink;
    private final Map<String, Map<String, String>> environmentOverrides;
    private final Map<String, ExecutionEnvironment> warm = new HashMap<>();
    /** Resolved once per function: the provisioned stack does not change under a running session. */
    private final Map<String, FunctionSpec> specs = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param lambdaEndpoint where the functions' own Lambda calls go (AWS_ENDPOINT_URL_LAMBDA), or null for the emulator
     * @param environmentOverrides as in `sam local invoke --env-vars`: per logical id, or under
     *     "Parameters" for every function; only variables the template declares are overridden
     */
    public LocalLambda(ProvisionedStack stack, ProjectPaths paths, URI emulatorEndpoint, URI lambdaEndpoint, LogSink sink,
            Map<String, Map<String, String>> environmentOverrides) {
        this.stack = stack;
        this.paths = paths;
        this.emulatorEndpoint = emulatorEndpoint;
        this.lambdaEndpoint = lambdaEndpoint;
        this.sink = sink;
        this.environmentOverrides = environmentOverrides;
    }

    public FunctionSpec function(String logicalId) {
        return specs.computeIfAbsent(logicalId, id -> {
            if (!"AWS::Serverless::Function".equals(stack.template().type(id))) {
                throw new IllegalArgumentException(id + " is not an AWS::Serverless::Function");
            }
            return FunctionSpec.of(stack, id);
        });
    }

    public synchronized InvocationResult invoke(String logicalId, String event) {
        ExecutionEnvironment environment = warm.get(logicalId);
        if (environment == null || !environment.isAlive()) {
            environment = coldStart(logicalId, LAMBDA_JVM_FLAGS);
            warm.put(logicalId, environment);
        }
        FunctionSpec spec = function(logicalId);
        InvocationResult result = environment.invoke(event);
        sink.line(logicalId, platformReport(spec, result, environment));
        if (!environment.isAlive()) {
            warm.remove(logicalId);
        }
        return result;
    }

    /** A new execution environment, not shared: for the cold-start benchmark. */
    public ExecutionEnvironment coldStart(String logicalId, List<String> jvmFlags) {
        FunctionSpec spec = function(logicalId);
        return ExecutionEnvironment.start(spec, classpath(spec), environment(spec), jvmFlags, sink);
    }

    /** The artifact's files, as deployed: the function's package and its layers. */
    public List<Path> artifactFiles(String logicalId) {
        FunctionSpec spec = function(logicalId);
        List<Path> files = new ArrayList<>(jars(artifactDirectory(spec.logicalId()).resolve("lib")));
        for (String layer : spec.layerIds()) {
            files.addAll(jars(artifactDirectory(layer).resolve("java").resolve("lib")));
        }
        return files;
    }

    List<Path> classpath(FunctionSpec spec) {
        List<Path> classpath = new ArrayList<>();
        classpath.add(artifactDirectory(spec.logicalId()));
        classpath.addAll(artifactFiles(spec.logicalId()));
        Path target = paths.runtimeShim();
        try (Stream<Path> files = Files.list(target)) {
            classpath.addAll(files.filter(file -> file.getFileName().toString().endsWith("-runtime.jar")).toList());
        } catch (IOException e) {
            throw new IllegalStateException("The local runtime shim is not built (" + target + "): run ./mvnw package -pl local", e);
        }
        classpath.addAll(jars(target.resolve("runtime-lib")));
        return classpath;
    }

    Map<String, String> environment(FunctionSpec spec) {
        Map<String, String> variables = new LinkedHashMap<>(spec.environment());
        for (String scope : List.of("Parameters", spec.logicalId())) {
            environmentOverrides.getOrDefault(scope, Map.of()).forEach((name, value) -> {
                if (variables.containsKey(name)) {
                    variables.put(name, value);
                }
            });
        }
        variables.put("AWS_ENDPOINT_URL", emulatorEndpoint.toString());
        if (lambdaEndpoint != null) {
            variables.put("AWS_ENDPOINT_URL_LAMBDA", lambdaEndpoint.toString());
        }
        variables.put("AWS_REGION", Emulator.REGION);
        variables.put("AWS_DEFAULT_REGION", Emulator.REGION);
        variables.put("AWS_ACCESS_KEY_ID", "testing");
        variables.put("AWS_SECRET_ACCESS_KEY", "testing");
        variables.put("AWS_LAMBDA_FUNCTION_NAME", spec.functionName());
        variables.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
        variables.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.functionName());
        variables.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/" + Instant.now().toEpochMilli());
        variables.put("AWS_LAMBDA_LOG_FORMAT", spec.logFormat());
        variables.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + spec.runtime());
        variables.put("LAMBDA_TASK_ROOT", artifactDirectory(spec.logicalId()).toString());
        variables.put("_HANDLER", spec.handler());
        variables.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        variables.put("TZ", ":UTC");
        variables.put("LANG", "en_US.UTF-8");
        return variables;
    }

    private Path artifactDirectory(String logicalId) {
        Path directory = paths.buildDirectory().resolve(logicalId);
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("No built artifact for " + logicalId + " in " + paths.buildDirectory()
                    + ": run `sam build` (./suite test and ./suite local do it)");
        }
        return directory;
    }

    private static List<Path> jars(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + directory, e);
        }
    }

    /** Lambda's platform.report line, so local logs read like CloudWatch's JSON logs. */
    private static String platformReport(FunctionSpec spec, InvocationResult result, ExecutionEnvironment environment) {
        var report = dev.patterns.local.template.Json.MAPPER.createObjectNode();
        report.put("time", Instant.now().toString()).put("type", "platform.report");
        var record = report.putObject("record");
        record.put("function", spec.logicalId()).put("requestId", result.requestId());
        switch (result) {
            case InvocationResult.Success success -> record.put("status", "success").put("durationMs", success.duration().toMillis());
            case InvocationResult.FunctionError error -> record.put("status", "error").put("errorType", error.errorType());
            case InvocationResult.TimedOut timedOut -> record.put("status", "timeout").put("durationMs", timedOut.timeout().toMillis());
        }
        record.put("maxMemoryUsedMB", environment.peakRssKb().orElse(0) / 1024);
        return report.toString();
    }

    @Override
    public synchronized void close() {
        warm.values().forEach(ExecutionEnvironment::close);
        warm.clear();
    }
}
