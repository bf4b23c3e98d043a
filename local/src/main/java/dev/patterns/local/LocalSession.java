package dev.patterns.local;

import dev.patterns.local.emulator.AwsClientFactory;
import dev.patterns.local.emulator.Emulator;
import dev.patterns.local.emulator.ProjectPaths;
import dev.patterns.local.provision.ProvisionedStack;
import dev.patterns.local.provision.Provisioner;
import dev.patterns.local.runtime.LocalLambda;
import dev.patterns.local.runtime.LogSink;
import dev.patterns.local.sources.AsyncInvoker;
import dev.patterns.local.sources.LocalInvokeApi;
import dev.patterns.local.sources.Tap;
import dev.patterns.local.sources.TapEventSource;
import dev.patterns.local.sources.Taps;
import dev.patterns.local.sources.SqsEventMapping;
import dev.patterns.local.sources.SqsEventSource;
import dev.patterns.local.template.Template;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Everything the local mode runs on: the emulator, the template provisioned in it, and the local
 * Lambda service running the built functions against it.
 */
public final class LocalSession implements AutoCloseable {

    public static final String STACK_NAME = "local";

    private final Emulator emulator;
    private final boolean ownsEmulator;
    private final ProjectPaths paths;
    private final ProvisionedStack stack;
    private final LocalLambda lambda;
    private final AwsClientFactory clients;
    private final List<Tap> taps;
    private final LocalInvokeApi invokeApi;

    private LocalSession(Emulator emulator, boolean ownsEmulator, ProjectPaths paths, Map<String, String> parameters,
            LogSink sink, Map<String, Map<String, String>> environmentOverrides) {
        this.emulator = emulator;
        this.ownsEmulator = ownsEmulator;
        this.paths = paths;
        this.clients = new AwsClientFactory(emulator.endpoint());
        this.stack = new Provisioner(clients).provision(Template.load(paths.template()), STACK_NAME, parameters);
        this.invokeApi = LocalInvokeApi.start();
        try {
            this.lambda = new LocalLambda(stack, paths, emulator.endpoint(), invokeApi.endpoint(), sink, environmentOverrides);
            invokeApi.connect(stack, asyncInvoker());
            // Wired now, before anything is published or uploaded, as the deployed stack would be.
            this.taps = new Taps(clients.create(SqsClient.builder()), clients.create(SnsClient.builder()),
                    clients.create(S3Client.builder().forcePathStyle(true)), clients.create(EventBridgeClient.builder())).create(stack);
        } catch (RuntimeException e) {
            invokeApi.close();
            throw e;
        }
        stack.finishWiring();
    }

    /** Starts an emulator of its own and provisions the template into it. */
    public static LocalSession start(ProjectPaths paths, Map<String, String> parameters, LogSink sink,
            Map<String, Map<String, String>> environmentOverrides) {
        Emulator emulator = Emulator.start(paths);
        try {
            return new LocalSession(emulator, true, paths, parameters, sink, environmentOverrides);
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    /** Resets a running emulator and provisions the template into it afresh. */
    public static LocalSession on(Emulator emulator, ProjectPaths paths, Map<String, String> parameters, LogSink sink) {
        emulator.reset();
        return new LocalSession(emulator, false, paths, parameters, sink, Map.of());
    }

    public Emulator emulator() {
        return emulator;
    }

    public ProjectPaths paths() {
        return paths;
    }

    public ProvisionedStack stack() {
        return stack;
    }

    public LocalLambda lambda() {
        return lambda;
    }

    public AwsClientFactory clients() {
        return clients;
    }

    /** Lambda's Invoke API for the functions' own asynchronous invocations of each other. */
    public LocalInvokeApi invokeApi() {
        return invokeApi;
    }

    /** The template's SQS event source of {@code functionLogicalId}, wired to the local Lambda. */
    public SqsEventSource sqsEventSource(String functionLogicalId) {
        return new SqsEventSource(clients.create(SqsClient.builder()), SqsEventMapping.of(stack, functionLogicalId), lambda::invoke);
    }

    /** Lambda's asynchronous invocation of the local functions (retries, destinations). */
    public AsyncInvoker asyncInvoker() {
        return new AsyncInvoker(stack, lambda::invoke, clients.create(SqsClient.builder()), clients.create(SnsClient.builder()), Clock.systemUTC());
    }

    /** The function's asynchronous event sources (SNS, S3, EventBridge), each delivering through Lambda's async invocation. */
    public List<TapEventSource> asyncEventSources(String functionLogicalId) {
        List<TapEventSource> sources = taps.stream().filter(tap -> tap.functionLogicalId().equals(functionLogicalId))
                .map(tap -> new TapEventSource(clients.create(SqsClient.builder()), tap, asyncInvoker())).toList();
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(functionLogicalId + " has no SNS, S3 or EventBridge event in the template");
        }
        return sources;
    }

    /** The function's asynchronous event source named {@code eventName} in the template. */
    public TapEventSource asyncEventSource(String functionLogicalId, String eventName) {
        return asyncEventSources(functionLogicalId).stream().filter(source -> source.tap().eventName().equals(eventName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(functionLogicalId + " has no asynchronous event " + eventName));
    }

    public boolean hasSqsEvent(String functionLogicalId) {
        return SqsEventMapping.all(stack).stream().anyMatch(mapping -> mapping.functionLogicalId().equals(functionLogicalId));
    }

    @Override
    public void close() {
        invokeApi.close();
        lambda.close();
        if (ownsEmulator) {
            emulator.close();
        }
    }
}
