package dev.patterns.local.demo;

import dev.patterns.local.LocalSession;
import dev.patterns.local.emulator.ProjectPaths;
import dev.patterns.local.runtime.LogSink;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The suite's main job, locally: start the emulator, provision the template, run every
 * implemented pattern's scenario from its sample events and print where everything ended up.
 */
public final class MainJob {

    static List<Scenario> scenarios() {
        return List.of(new QueueWorkerScenario(), new OrderedWorkerScenario(), new TopicSubscriberScenario(), new FanOutScenario(),
                new ThumbnailScenario(), new DlqRedriveScenario());
    }

    /** @return 0 when every expectation held */
    public static int run(ProjectPaths paths, PrintStream out) throws IOException {
        Path logFile = paths.root().resolve(".aws-sam").resolve("local").resolve("function-logs.jsonl");
        Files.createDirectories(logFile.getParent());
        List<ScenarioReport> reports = new ArrayList<>();
        try (PrintStream logs = new PrintStream(Files.newOutputStream(logFile), true, StandardCharsets.UTF_8)) {
            LogSink sink = (function, line) -> logs.println(line);
            try (LocalSession session = LocalSession.start(paths, Map.of(), sink, Map.of())) {
                out.println("Emulator (moto) on " + session.emulator().endpoint() + "; template provisioned as stack '"
                        + session.stack().stackName() + "' (" + session.stack().resources().size() + " resources, "
                        + session.stack().skipped().size() + " without an emulator counterpart)");
                for (Scenario scenario : scenarios()) {
                    ScenarioReport report;
                    try {
                        report = scenario.run(session);
                    } catch (Exception e) {
                        report = new ScenarioReport(scenario.getClass().getSimpleName())
                                .check("scenario runs to the end", false, e);
                    }
                    reports.add(report);
                    out.println();
                    out.print(report.render());
                }
            }
        }
        long failed = reports.stream().filter(report -> !report.passed()).count();
        out.println();
        out.println(failed == 0 ? "All " + reports.size() + " pattern(s) behaved as expected."
                : failed + " of " + reports.size() + " pattern(s) did NOT behave as expected.");
        out.println("Function logs (JSON): " + logFile);
        return failed == 0 ? 0 : 1;
    }
}
