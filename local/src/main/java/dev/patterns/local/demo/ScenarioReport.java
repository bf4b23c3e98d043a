package dev.patterns.local.demo;

import java.util.ArrayList;
import java.util.List;

/** What went into a pattern, where everything ended up, and which expectations held. */
public final class ScenarioReport {

    private final String pattern;
    private final List<String> input = new ArrayList<>();
    private final List<String> outcome = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();

    public ScenarioReport(String pattern) {
        this.pattern = pattern;
    }

    public ScenarioReport in(String line) {
        input.add(line);
        return this;
    }

    public ScenarioReport out(String line) {
        outcome.add(line);
        return this;
    }

    public ScenarioReport check(String expectation, boolean held, Object observed) {
        checks.add(Check.that(expectation, held, observed));
        return this;
    }

    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::held);
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }

    public String render() {
        StringBuilder text = new StringBuilder();
        text.append("== ").append(pattern).append(passed() ? "  [OK]" : "  [FAILED]").append('\n');
        text.append("   in:\n");
        input.forEach(line -> text.append("     - ").append(line).append('\n'));
        text.append("   ended up:\n");
        outcome.forEach(line -> text.append("     - ").append(line).append('\n'));
        text.append("   expectations:\n");
        checks.forEach(check -> text.append("     ").append(check.held() ? "[ok]   " : "[FAIL] ").append(check.expectation())
                .append(check.held() ? "" : "  (observed: " + check.observed() + ")").append('\n'));
        return text.toString();
    }
}
