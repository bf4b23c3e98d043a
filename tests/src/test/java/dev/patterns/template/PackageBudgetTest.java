package dev.patterns.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patterns.local.emulator.ProjectPaths;
import dev.patterns.local.runtime.Budget;
import dev.patterns.local.runtime.PackageSize;
import dev.patterns.local.template.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every function and layer declares a budget in the template, and what `sam build` made of it
 * (zipped, as `sam deploy` uploads it) stays within its size budget: a dependency that drags in a
 * framework fails here, not in production. The cold-start budget is the benchmark's to check
 * (`./suite bench`), never a timed test. The test command runs `sam build` before the tests.
 */
class PackageBudgetTest {

    private final ProjectPaths paths = ProjectPaths.discover();
    private final Template template = Template.load(paths.template());

    @Test
    void everyFunctionDeclaresSizeAndColdStartBudgetsAndEveryLayerASizeBudget() {
        List<String> missing = new ArrayList<>();
        for (String function : template.logicalIdsOfType("AWS::Serverless::Function")) {
            if (Budget.of(template, function).flatMap(Budget::coldStartMs).isEmpty()) {
                missing.add(function);
            }
        }
        for (String layer : template.logicalIdsOfType("AWS::Serverless::LayerVersion")) {
            if (Budget.of(template, layer).isEmpty()) {
                missing.add(layer);
            }
        }
        assertThat(missing).as("resources without Metadata: Budget").isEmpty();
    }

    @Test
    void everyBuiltArtifactFitsItsSizeBudget() throws Exception {
        List<String> over = new ArrayList<>();
        List<String> ids = new ArrayList<>(template.logicalIdsOfType("AWS::Serverless::Function"));
        ids.addAll(template.logicalIdsOfType("AWS::Serverless::LayerVersion"));
        for (String id : ids) {
            Path artifact = paths.buildDirectory().resolve(id);
            assertThat(artifact).as("the sam build artifact of %s (run ./suite test, which builds first)", id).isDirectory();
            try (Stream<Path> files = Files.list(artifact)) {
                assertThat(files).as("files in %s", artifact).isNotEmpty();
            }
            long kb = PackageSize.zippedSize(artifact) / 1024;
            long budget = Budget.of(template, id).orElseThrow().packageKb();
            if (kb > budget) {
                over.add(id + ": " + kb + " KB, budget " + budget + " KB");
            }
        }
        assertThat(over).as("artifacts over their size budget").isEmpty();
    }
}
