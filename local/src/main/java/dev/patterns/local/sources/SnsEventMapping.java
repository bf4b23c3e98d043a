package dev.patterns.local.sources;

import dev.patterns.local.provision.ProvisionedStack;
import dev.patterns.local.runtime.FunctionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One SNS event of a function in the template: the topic, and the subscription's filter. */
public record SnsEventMapping(String functionLogicalId, String eventName, String topicArn, Object filterPolicy, String filterPolicyScope) {

    public static List<SnsEventMapping> all(ProvisionedStack stack) {
        List<SnsEventMapping> mappings = new ArrayList<>();
        for (FunctionSpec function : FunctionSpec.all(stack)) {
            function.events().values().stream().filter(event -> "SNS".equals(event.type())).forEach(event -> {
                Map<String, Object> properties = event.properties();
                mappings.add(new SnsEventMapping(function.logicalId(), event.name(), String.valueOf(properties.get("Topic")),
                        properties.get("FilterPolicy"),
                        properties.get("FilterPolicyScope") == null ? null : String.valueOf(properties.get("FilterPolicyScope"))));
            });
        }
        return mappings;
    }
}
