package dev.patterns.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patterns.local.emulator.ProjectPaths;
import dev.patterns.local.template.Intrinsics;
import dev.patterns.local.template.Maps;
import dev.patterns.local.template.Template;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Promises the template makes to its users, checked on the file itself. */
class TemplateConventionsTest {

    private static final Set<String> MUST_BE_IN_OUTPUTS = Set.of("AWS::Serverless::Function", "AWS::SQS::Queue", "AWS::SNS::Topic",
            "AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::Serverless::LayerVersion");

    private final Template template = Template.load(ProjectPaths.discover().template());

    @Test
    void everyFunctionQueueTopicTableAndBucketIsInOutputsWithADescription() {
        Set<String> referenced = new HashSet<>();
        template.outputs().forEach((name, output) -> {
            Map<String, Object> definition = Maps.map(output, name);
            assertThat(definition.get("Description")).as("Description of Output %s", name).isNotNull();
            referenced.addAll(Intrinsics.references(definition.get("Value")));
        });
        List<String> missing = new ArrayList<>();
        template.resources().forEach((id, resource) -> {
            if (MUST_BE_IN_OUTPUTS.contains(String.valueOf(Maps.map(resource, id).get("Type"))) && !referenced.contains(id)) {
                missing.add(id);
            }
        });
        assertThat(missing).as("resources without an Output").isEmpty();
    }

    @Test
    void noHandWrittenPolicyStatementGrantsEveryResource() {
        List<String> wildcards = new ArrayList<>();
        for (String function : template.logicalIdsOfType("AWS::Serverless::Function")) {
            Object policies = template.properties(function).get("Policies");
            if (policies instanceof List<?> list) {
                for (Object policy : list) {
                    if (policy instanceof Map<?, ?> map && map.get("Statement") instanceof List<?> statements) {
                        for (Object statement : statements) {
                            Object resource = Maps.map(statement, function).get("Resource");
                            if ("*".equals(resource) || resource instanceof List<?> many && many.contains("*")) {
                                wildcards.add(function + ": " + statement);
                            }
                        }
                    }
                }
            }
        }
        assertThat(wildcards).isEmpty();
    }

    @Test
    void everyFunctionRunsOnJava25FromGlobalsWithJsonLogsAndTracing() {
        Map<String, Object> globals = template.functionGlobals();

        assertThat(globals).containsEntry("Runtime", "java25").containsEntry("Tracing", "Active").containsKeys("Architectures", "MemorySize", "Timeout");
        assertThat(Maps.map(globals.get("LoggingConfig"), "LoggingConfig")).containsEntry("LogFormat", "JSON");
        for (String function : template.logicalIdsOfType("AWS::Serverless::Function")) {
            assertThat(template.properties(function)).as(function).doesNotContainKeys("Runtime", "Tracing");
            assertThat(Maps.map(template.resource(function).get("Metadata"), function)).as(function).containsEntry("BuildMethod", "makefile");
        }
    }

    @Test
    void everySqsEventReportsBatchItemFailures() {
        for (String function : template.logicalIdsOfType("AWS::Serverless::Function")) {
            if (template.properties(function).get("Events") instanceof Map<?, ?> events) {
                Maps.map(events, function).forEach((name, event) -> {
                    Map<String, Object> definition = Maps.map(event, name);
                    if ("SQS".equals(definition.get("Type"))) {
                        assertThat(Maps.map(definition.get("Properties"), name).get("FunctionResponseTypes"))
                                .as(function + "." + name).isEqualTo(List.of("ReportBatchItemFailures"));
                    }
                });
            }
        }
    }
}
