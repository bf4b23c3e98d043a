package dev.patterns.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.local.template.Json;
import dev.patterns.testsupport.Events;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `suite invoke`, shaped like `sam local invoke`: its own emulator, the built artifact, the template's environment. */
class LocalInvokeTest {

    record Run(int exitCode, List<String> lines) {
        JsonNode response() throws Exception {
            return Json.MAPPER.readTree(lines.getLast());
        }
    }

    @Test
    void invokePrintsTheResponseAndTheFunctionsJsonLogs() throws Exception {
        Run run = run("invoke", "QueueWorkerFunction", "-e", Events.file("queue-worker/batch-mixed.json").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.response().path("batchItemFailures")).extracting(failure -> failure.path("itemIdentifier").asText())
                .containsExactly("00000000-0000-4000-8000-000000000004", "00000000-0000-4000-8000-000000000008");
        assertThat(run.lines()).anySatisfy(line -> {
            JsonNode log = Json.MAPPER.readTree(line);
            assertThat(log.path("messageId").asText()).isEqualTo("00000000-0000-4000-8000-000000000001");
            assertThat(log.path("function_name").asText()).isEqualTo("patterns-queue-worker");
            assertThat(log.path("message").asText()).contains("p-1001 applied");
        });
        assertThat(run.lines()).anyMatch(line -> line.contains("\"type\":\"platform.report\""));
    }

    @Test
    void envVarsFileOverridesTheFunctionsEnvironment(@TempDir Path dir) throws Exception {
        Path envVars = Files.writeString(dir.resolve("env.json"), "{\"QueueWorkerFunction\":{\"LEDGER_TABLE_NAME\":\"no-such-table\"}}");

        Run run = run("invoke", "QueueWorkerFunction", "-e", Events.file("queue-worker/single.json").toString(), "--env-vars", envVars.toString());

        assertThat(run.response().path("batchItemFailures")).hasSize(1);
        assertThat(run.lines()).anyMatch(line -> line.contains("ResourceNotFoundException") || line.contains("no-such-table"));
    }

    @Test
    void initFailureNamesTheMissingVariable(@TempDir Path dir) throws Exception {
        Path envVars = Files.writeString(dir.resolve("env.json"), "{\"Parameters\":{\"LEDGER_TABLE_NAME\":\"\"}}");

        Run run = run("invoke", "QueueWorkerFunction", "-e", Events.file("queue-worker/single.json").toString(), "--env-vars", envVars.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.response().path("errorMessage").asText()).contains("LEDGER_TABLE_NAME");
        assertThat(run.response().path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
    }

    private static Run run(String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exitCode;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exitCode = Main.run(args);
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        original.print(output);
        return new Run(exitCode, output.lines().filter(line -> !line.isBlank()).toList());
    }
}
