package dev.patterns.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.local.LocalSession;
import dev.patterns.local.demo.MainJob;
import dev.patterns.local.emulator.ProjectPaths;
import dev.patterns.local.runtime.InvocationResult;
import dev.patterns.local.runtime.LogSink;
import dev.patterns.local.sources.PollResult;
import dev.patterns.local.sources.SqsEventSource;
import dev.patterns.local.template.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The local mode's command line (see ./suite help). */
public final class Main {

    private static final String USAGE = """
            usage: suite <command>
              local                                  run every implemented pattern's scenario locally and report
              invoke <LogicalId> -e <event.json> [--env-vars <env.json>] [--parameter-overrides K=V ...]
                                                     like `sam local invoke`, without Docker
              poll <LogicalId> [--max-polls N]       run the function's SQS, SNS, S3 or EventBridge event sources (N one-second polls)
              redrive <DLQ LogicalId> [--to <Queue LogicalId>] [--max N] [--dry-run]
                                                     move dead letters back with the built DlqRedriveFunction
              emulator [--parameter-overrides K=V ...]
                                                     start the emulator, provision the template, print the endpoint, wait
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.print(USAGE);
            return 2;
        }
        ProjectPaths paths = ProjectPaths.discover();
        Options options = Options.parse(args);
        return switch (args[0]) {
            case "local" -> MainJob.run(paths, System.out);
            case "invoke" -> invoke(paths, options);
            case "poll" -> poll(paths, options);
            case "emulator" -> emulator(paths, options);
            case "redrive" -> redrive(paths, options);
            default -> {
                System.err.print(USAGE);
                yield 2;
            }
        };
    }

    private static int invoke(ProjectPaths paths, Options options) throws IOException {
        String function = options.positional("LogicalId");
        Path event = Path.of(options.required("-e", "--event"));
        String payload = Files.readString(event);
        try (LocalSession session = LocalSession.start(paths, options.parameters(), LogSink.printing(), options.envVars())) {
            InvocationResult result = session.lambda().invoke(function, payload);
            System.out.println(result.payload());
            return result.succeeded() ? 0 : 1;
        }
    }

    private static int poll(ProjectPaths paths, Options options) {
        String function = options.positional("LogicalId");
        int maxPolls = Integer.parseInt(options.optional("--max-polls", "100"));
        try (LocalSession session = LocalSession.start(paths, options.parameters(), LogSink.printing(), options.envVars())) {
            if (!session.hasSqsEvent(function)) {
                var sources = session.asyncEventSources(function);
                sources.forEach(source -> System.out.println("Delivering " + source.tap().kind() + " events of " + source.tap().sourceArn()
                        + " to " + function + " asynchronously; Ctrl-C to stop"));
                for (int i = 0; i < maxPolls; i++) {
                    sources.forEach(source -> source.deliverPending().forEach(outcome -> System.out.println("async: " + outcome.attempts().size()
                            + " attempt(s), " + outcome.condition() + (outcome.sentTo() == null ? "" : ", sent to " + outcome.sentTo()))));
                    sleep(1000);
                }
                return 0;
            }
            SqsEventSource source = session.sqsEventSource(function);
            System.out.println("Polling " + source.mapping().queueUrl() + " for " + function + "; send messages to it, Ctrl-C to stop");
            for (int i = 0; i < maxPolls; i++) {
                PollResult poll = source.pollOnce();
                if (!poll.receivedNothing()) {
                    System.out.println("poll: received " + poll.receivedIds().size() + ", deleted " + poll.deletedIds().size()
                            + ", returned " + poll.returnedIds().size() + " (" + poll.verdict() + ")");
                } else {
                    sleep(1000);
                }
            }
            return 0;
        }
    }

    /** Runs the built redrive function against a DLQ of the local stack, by logical id. */
    private static int redrive(ProjectPaths paths, Options options) throws Exception {
        String deadLetterQueue = options.positional("DLQ LogicalId");
        try (LocalSession session = LocalSession.start(paths, options.parameters(), LogSink.printing(), options.envVars())) {
            var request = dev.patterns.local.template.Json.MAPPER.createObjectNode();
            request.put("deadLetterQueue", session.stack().ref(deadLetterQueue));
            String to = options.optional("--to", null);
            if (to != null) {
                request.put("sourceQueue", session.stack().ref(to));
            }
            request.put("maxMessages", Integer.parseInt(options.optional("--max", "100")));
            request.put("dryRun", options.flags().containsKey("--dry-run"));
            InvocationResult result = session.lambda().invoke("DlqRedriveFunction", request.toString());
            System.out.println(result.payload());
            // Failure records are redriven by invoking their function asynchronously: let those run before the session ends.
            for (var outcome : session.invokeApi().awaitAccepted(java.time.Duration.ofMinutes(5))) {
                System.out.println("re-invoked: " + outcome.attempts().size() + " attempt(s), " + outcome.condition()
                        + (outcome.sentTo() == null ? "" : ", sent to " + outcome.sentTo()));
            }
            return result.succeeded() ? 0 : 1;
        }
    }

    private static int emulator(ProjectPaths paths, Options options) throws IOException {
        try (LocalSession session = LocalSession.start(paths, options.parameters(), LogSink.printing(), Map.of())) {
            System.out.println("AWS_ENDPOINT_URL=" + session.emulator().endpoint());
            System.out.println("AWS_ENDPOINT_URL_LAMBDA=" + session.invokeApi().endpoint() + "   (Invoke, InvocationType Event, of the template's functions)");
            session.stack().resources().forEach(resource -> System.out.println("  " + resource.logicalId() + " = " + resource.ref()));
            System.out.println("Press Enter (or close stdin) to stop.");
            System.in.read();
            return 0;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Flags in `sam local invoke` style. */
    record Options(List<String> positionals, Map<String, List<String>> flags) {

        static Options parse(String[] args) {
            List<String> positionals = new ArrayList<>();
            Map<String, List<String>> flags = new LinkedHashMap<>();
            String current = null;
            for (int i = 1; i < args.length; i++) {
                if (args[i].startsWith("-")) {
                    current = args[i];
                    flags.putIfAbsent(current, new ArrayList<>());
                } else if (current != null) {
                    flags.get(current).add(args[i]);
                    if (!current.equals("--parameter-overrides")) {
                        current = null;
                    }
                } else {
                    positionals.add(args[i]);
                }
            }
            return new Options(positionals, flags);
        }

        String positional(String name) {
            if (positionals.isEmpty()) {
                throw new IllegalArgumentException("missing " + name + "\n" + USAGE);
            }
            return positionals.getFirst();
        }

        String required(String shortName, String longName) {
            List<String> values = flags.getOrDefault(shortName, flags.get(longName));
            if (values == null || values.isEmpty()) {
                throw new IllegalArgumentException("missing " + shortName + " <value>\n" + USAGE);
            }
            return values.getFirst();
        }

        String optional(String name, String fallback) {
            List<String> values = flags.get(name);
            return values == null || values.isEmpty() ? fallback : values.getFirst();
        }

        Map<String, String> parameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : flags.getOrDefault("--parameter-overrides", List.of())) {
                int equals = pair.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException("--parameter-overrides takes Name=Value pairs, got " + pair);
                }
                parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
            return parameters;
        }

        /** `--env-vars` file: {"LogicalId": {"VAR": "value"}, "Parameters": {"VAR": "value"}}. */
        Map<String, Map<String, String>> envVars() {
            List<String> values = flags.get("--env-vars");
            if (values == null || values.isEmpty()) {
                return Map.of();
            }
            try {
                JsonNode root = Json.MAPPER.readTree(Path.of(values.getFirst()).toFile());
                Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
                root.properties().forEach(scope -> {
                    Map<String, String> variables = new LinkedHashMap<>();
                    scope.getValue().properties().forEach(variable -> variables.put(variable.getKey(), variable.getValue().asText()));
                    overrides.put(scope.getKey(), variables);
                });
                return overrides;
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read --env-vars file " + values.getFirst() + ": " + e.getMessage(), e);
            }
        }
    }
}
