package dev.patterns.benchmarks;

import dev.patterns.local.LocalSession;
import dev.patterns.local.emulator.Emulator;
import dev.patterns.local.emulator.ProjectPaths;
import dev.patterns.local.runtime.Budget;
import dev.patterns.local.runtime.ExecutionEnvironment;
import dev.patterns.local.runtime.FunctionSpec;
import dev.patterns.local.runtime.InvocationResult;
import dev.patterns.local.runtime.LocalLambda;
import dev.patterns.local.runtime.PackageSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Process-level cold-start benchmark of every function in the template: for each run a fresh
 * JVM with Lambda's flags starts from the `sam build` artifact and layers; measured are the time
 * from process launch to the first invocation's response, the next (warm) invocation, the
 * process's peak RSS, and the zipped size of the function package and its layers. The event is
 * the function's sample event (events/&lt;code dir&gt;/single.json, else the first file there),
 * so a new function joins the table by having sample events.
 */
public final class ColdStartBenchmark {

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        ProjectPaths paths = ProjectPaths.discover();
        List<Row> rows = new ArrayList<>();
        Map<String, Long> budgets = new java.util.HashMap<>();
        try (Emulator emulator = Emulator.start(paths)) {
            List<FunctionSpec> functions;
            List<String> only = List.of(args).subList(Math.min(1, args.length), args.length);
            try (LocalSession session = LocalSession.on(emulator, paths, Map.of(), (function, line) -> { })) {
                functions = FunctionSpec.all(session.stack()).stream().filter(spec -> only.isEmpty() || only.contains(spec.logicalId())).toList();
                for (FunctionSpec function : functions) {
                    budgets.put(function.logicalId(), Budget.of(session.stack().template(), function.logicalId())
                            .flatMap(Budget::coldStartMs).orElse(Long.MAX_VALUE));
                }
            }
            for (FunctionSpec function : functions) {
                rows.add(measure(emulator, paths, function, runs));
            }
        }
        System.out.printf("%nCold start, %d fresh JVM(s) per function, flags %s, JDK %s, %d cores%n", runs,
                String.join(" ", LocalLambda.LAMBDA_JVM_FLAGS), Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.printf("%-28s %12s %12s %12s %12s %10s %12s %12s %12s  %s%n", "function", "cold p50 ms", "budget ms", "cold min ms",
                "cold max ms", "warm ms", "peak RSS MB", "package KB", "layers KB", "event");
        List<String> over = new ArrayList<>();
        for (Row row : rows) {
            long budget = budgets.get(row.function());
            System.out.printf("%-28s %12d %12s %12d %12d %10d %12.1f %12.1f %12.1f  %s%n", row.function(), row.coldP50(),
                    budget == Long.MAX_VALUE ? "-" : (row.coldP50() > budget ? "OVER " : "") + budget, row.coldMin(), row.coldMax(),
                    row.warmMs(), row.peakRssKb() / 1024.0, row.packageBytes() / 1024.0, row.layerBytes() / 1024.0, row.event());
            if (row.coldP50() > budget) {
                over.add(row.function());
            }
        }
        if (!over.isEmpty()) {
            System.out.println("Cold start over its template budget (Metadata: Budget: ColdStartMs): " + over);
            System.exit(1);
        }
    }

    record Row(String function, long coldP50, long coldMin, long coldMax, long warmMs, long peakRssKb, long packageBytes,
            long layerBytes, String event) {
    }

    private static Row measure(Emulator emulator, ProjectPaths paths, FunctionSpec function, int runs) throws IOException {
        Path eventFile = sampleEvent(paths, function);
        String event = Files.readString(eventFile);
        List<Long> cold = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        long peakRss = 0;
        for (int run = 0; run < runs; run++) {
            // A fresh stack per run, so every first invocation does the same work.
            try (LocalSession session = LocalSession.on(emulator, paths, Map.of(), (id, line) -> { });
                    ExecutionEnvironment environment = session.lambda().coldStart(function.logicalId(), LocalLambda.LAMBDA_JVM_FLAGS)) {
                InvocationResult first = environment.invoke(event);
                long coldNanos = environment.nanosSinceLaunch();
                if (!first.succeeded()) {
                    throw new IllegalStateException(function.logicalId() + " failed on " + eventFile + ": " + first.payload());
                }
                long warmStart = System.nanoTime();
                environment.invoke(event);
                warm.add((System.nanoTime() - warmStart) / 1_000_000);
                cold.add(coldNanos / 1_000_000);
                peakRss = Math.max(peakRss, environment.peakRssKb().orElse(0));
            }
        }
        cold.sort(null);
        warm.sort(null);
        PackageSize size = PackageSize.of(paths, function);
        return new Row(function.logicalId(), cold.get(cold.size() / 2), cold.getFirst(), cold.getLast(), warm.get(warm.size() / 2),
                peakRss, size.functionBytes(), size.layerBytes(), paths.root().relativize(eventFile).toString());
    }

    private static Path sampleEvent(ProjectPaths paths, FunctionSpec function) throws IOException {
        Path directory = paths.events().resolve(Path.of(function.codeUri()).getFileName().toString());
        Path preferred = directory.resolve("single.json");
        if (Files.isRegularFile(preferred)) {
            return preferred;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().findFirst()
                    .orElseThrow(() -> new IllegalStateException("No sample event for " + function.logicalId() + " in " + directory));
        }
    }
}
