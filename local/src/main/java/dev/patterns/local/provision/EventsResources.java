package dev.patterns.local.provision;

import dev.patterns.local.template.Json;
import dev.patterns.local.template.Maps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** AWS::Events::Rule (queue and topic targets; function targets become local taps) and AWS::Events::Archive. */
final class EventsResources {

    private final EventBridgeClient events;

    EventsResources(EventBridgeClient events) {
        this.events = events;
    }

    PhysicalResource rule(ProvisionedStack stack, String logicalId, Map<String, Object> raw) {
        Map<String, Object> properties = Provisioner.resolved(stack, raw, logicalId);
        String name = properties.containsKey("Name") ? Maps.string(properties.get("Name"), logicalId + ".Name")
                : Provisioner.generatedName(stack, logicalId, 64);
        String bus = String.valueOf(properties.getOrDefault("EventBusName", "default"));
        PutRuleRequest.Builder rule = PutRuleRequest.builder().name(name).eventBusName(bus)
                .state(String.valueOf(properties.getOrDefault("State", "ENABLED")));
        if (properties.get("EventPattern") != null) {
            rule.eventPattern(Json.write(properties.get("EventPattern")));
        }
        if (properties.get("ScheduleExpression") != null) {
            rule.scheduleExpression(String.valueOf(properties.get("ScheduleExpression")));
        }
        String arn = events.putRule(rule.build()).ruleArn();
        List<Target> targets = new ArrayList<>();
        if (properties.get("Targets") instanceof List<?> declared) {
            for (Object item : declared) {
                Map<String, Object> target = Maps.map(item, logicalId + ".Targets");
                String targetArn = String.valueOf(target.get("Arn"));
                String id = String.valueOf(target.get("Id"));
                if (targetArn.startsWith("arn:aws:lambda:")) {
                    stack.byArn(targetArn).ifPresent(function -> stack.addRuleFunctionTarget(
                            new ProvisionedStack.RuleFunctionTarget(name, bus, function.logicalId(), id)));
                } else {
                    targets.add(Target.builder().id(id).arn(targetArn).build());
                }
            }
        }
        if (!targets.isEmpty()) {
            events.putTargets(put -> put.rule(name).eventBusName(bus).targets(targets));
        }
        return new PhysicalResource(logicalId, "AWS::Events::Rule", name, Map.of("Arn", arn));
    }

    /**
     * Created after the local mode's rules: moto implements an archive as a rule on the bus, and
     * its S3 -> EventBridge delivery stops at that rule with a swallowed error, so rules created
     * after it would never see S3 events. Created last, every rule gets them (the archive itself
     * then misses S3's events locally; PutEvents events are archived).
     */
    PhysicalResource archive(ProvisionedStack stack, String logicalId, Map<String, Object> raw) {
        Map<String, Object> properties = Provisioner.resolved(stack, raw, logicalId);
        String name = properties.containsKey("ArchiveName") ? Maps.string(properties.get("ArchiveName"), logicalId + ".ArchiveName")
                : Provisioner.generatedName(stack, logicalId, 48);
        stack.afterWiring(() -> events.createArchive(create -> {
            create.archiveName(name).eventSourceArn(String.valueOf(properties.get("SourceArn")));
            if (properties.get("EventPattern") != null) {
                create.eventPattern(Json.write(properties.get("EventPattern")));
            }
            if (properties.get("RetentionDays") != null) {
                create.retentionDays(Integer.parseInt(String.valueOf(properties.get("RetentionDays"))));
            }
        }));
        String arn = Provisioner.arn("events", "archive/" + name);
        return new PhysicalResource(logicalId, "AWS::Events::Archive", name, Map.of("Arn", arn, "ArchiveName", name));
    }
}
