package dev.patterns.local;

import dev.patterns.local.emulator.AwsClientFactory;
import dev.patterns.local.emulator.Emulator;
import dev.patterns.local.emulator.ProjectPaths;
import dev.patterns.local.provision.ProvisionedStack;
import dev.patterns.local.provision.Provisioner;
import dev.patterns.local.runtime.LocalLambda;
import dev.patterns.local.runtime.LogSink;
import dev.patterns.local.sources.AsyncInvoker;
import dev.patterns.local.sources.SnsEventMapping;
import dev.patterns.local.sources.SnsEventSource;
import dev.patterns.local.sources.SnsTap;
import dev.patterns.local.sources.SqsEventMapping;
import dev.patterns.local.sources.SqsEventSource;
import dev.patterns.local.template.Template;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
    private final List<SnsTap> snsTaps;

    private LocalSession(Emulator emulator, boolean ownsEmulator, ProjectPaths paths, Map<String, String> parameters,
            LogSink sink, Map<String, Map<String, String>> environmentOverrides) {
        this.emulator = emulator;
        this.ownsEmulator = ownsEmulator;
        this.paths = paths;
        this.clients = new AwsClientFactory(emulator.endpoint());
        this.stack = new Provisioner(clients).provision(Template.load(paths.template()), STACK_NAME, parameters);
        this.lambda = new LocalLambda(stack, paths, emulator.endpoint(), sink, environmentOverrides);
        // Subscribed now, before anything is published, as SAM's subscription would be.
        SqsClient sqs = clients.create(SqsClient.builder());
        SnsClient sns = clients.create(SnsClient.builder());
        this.snsTaps = SnsEventMapping.all(stack).stream().map(mapping -> SnsTap.create(sqs, sns, mapping, STACK_NAME)).toList();
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

    /** The template's SQS event source of {@code functionLogicalId}, wired to the local Lambda. */
    public SqsEventSource sqsEventSource(String functionLogicalId) {
        return new SqsEventSource(clients.create(SqsClient.builder()), SqsEventMapping.of(stack, functionLogicalId), lambda::invoke);
    }

    /** Lambda's asynchronous invocation of the local functions (retries, destinations). */
    public AsyncInvoker asyncInvoker() {
        return new AsyncInvoker(stack, lambda::invoke, clients.create(SqsClient.builder()), clients.create(SnsClient.builder()), Clock.systemUTC());
    }

    /** The template's SNS event source of {@code functionLogicalId}, delivering asynchronously. */
    public SnsEventSource snsEventSource(String functionLogicalId) {
        SnsTap tap = snsTaps.stream().filter(candidate -> candidate.mapping().functionLogicalId().equals(functionLogicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(functionLogicalId + " has no SNS event in the template"));
        return new SnsEventSource(clients.create(SqsClient.builder()), tap, asyncInvoker());
    }

    public boolean hasSqsEvent(String functionLogicalId) {
        return SqsEventMapping.all(stack).stream().anyMatch(mapping -> mapping.functionLogicalId().equals(functionLogicalId));
    }

    @Override
    public void close() {
        lambda.close();
        if (ownsEmulator) {
            emulator.close();
        }
    }
}
