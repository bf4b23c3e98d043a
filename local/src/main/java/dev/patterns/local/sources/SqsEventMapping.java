package dev.patterns.local.sources;

import dev.patterns.local.provision.PhysicalResource;
import dev.patterns.local.provision.ProvisionedStack;
import dev.patterns.local.runtime.FunctionSpec;
import java.util.ArrayList;
import java.util.List;

/** One SQS event of a function in the template: which queue feeds it, and how. */
public record SqsEventMapping(String functionLogicalId, String eventName, String queueUrl, String queueArn, int batchSize,
        boolean reportBatchItemFailures) {

    /** Every SQS event source mapping the template declares. */
    public static List<SqsEventMapping> all(ProvisionedStack stack) {
        List<SqsEventMapping> mappings = new ArrayList<>();
        for (FunctionSpec function : FunctionSpec.all(stack)) {
            function.events().values().stream().filter(event -> "SQS".equals(event.type())).forEach(event -> {
                String arn = String.valueOf(event.properties().get("Queue"));
                PhysicalResource queue = stack.byArn(arn).orElseThrow(() -> new IllegalArgumentException(
                        function.logicalId() + "." + event.name() + " reads " + arn + ", which the template does not create"));
                int batchSize = Integer.parseInt(String.valueOf(event.properties().getOrDefault("BatchSize", 10)));
                boolean partial = event.properties().get("FunctionResponseTypes") instanceof List<?> types
                        && types.contains("ReportBatchItemFailures");
                mappings.add(new SqsEventMapping(function.logicalId(), event.name(), queue.ref(), arn, batchSize, partial));
            });
        }
        return mappings;
    }

    public static SqsEventMapping of(ProvisionedStack stack, String functionLogicalId) {
        return all(stack).stream().filter(mapping -> mapping.functionLogicalId().equals(functionLogicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(functionLogicalId + " has no SQS event in the template"));
    }
}
