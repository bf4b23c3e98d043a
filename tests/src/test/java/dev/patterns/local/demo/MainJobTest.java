package dev.patterns.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patterns.local.emulator.ProjectPaths;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's first command: every implemented pattern's scenario runs and every expectation holds. */
class MainJobTest {

    @Test
    void mainJobReportsEveryPatternAsBehavingAndExitsZero() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int exitCode = MainJob.run(ProjectPaths.discover(), new PrintStream(output, true, StandardCharsets.UTF_8));

        String report = output.toString(StandardCharsets.UTF_8);
        System.out.print(report);
        assertThat(exitCode).isZero();
        assertThat(report).contains("Pattern 1", "[ok]").doesNotContain("[FAIL");
    }

    @Test
    void failedExpectationMakesTheReportFail() {
        ScenarioReport report = new ScenarioReport("p").check("holds", true, 1).check("does not hold", false, 2);

        assertThat(report.passed()).isFalse();
        assertThat(report.render()).contains("[FAILED]", "[FAIL] does not hold  (observed: 2)");
    }
}
