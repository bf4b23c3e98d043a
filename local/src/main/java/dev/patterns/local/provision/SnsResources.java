package dev.patterns.local.provision;

import dev.patterns.local.template.Json;
import dev.patterns.local.template.Maps;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;

/** AWS::SNS::Topic (with inline subscriptions) and AWS::SNS::Subscription. */
final class SnsResources {

    private final SnsClient sns;

    SnsResources(SnsClient sns) {
        this.sns = sns;
    }

    PhysicalResource topic(ProvisionedStack stack, String logicalId, Map<String, Object> raw) {
        Map<String, Object> properties = Provisioner.resolved(stack, raw, logicalId);
        boolean fifo = Boolean.parseBoolean(String.valueOf(properties.getOrDefault("FifoTopic", "false")));
        String name = properties.containsKey("TopicName")
                ? Maps.string(properties.get("TopicName"), logicalId + ".TopicName")
                : Provisioner.generatedName(stack, logicalId, fifo ? 251 : 256);
        if (fifo && !name.endsWith(".fifo")) {
            name = name + ".fifo";
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (fifo) {
            attributes.put("FifoTopic", "true");
        }
        if (properties.containsKey("ContentBasedDeduplication")) {
            attributes.put("ContentBasedDeduplication", String.valueOf(properties.get("ContentBasedDeduplication")));
        }
        String topicName = name;
        String arn = sns.createTopic(create -> create.name(topicName).attributes(attributes)).topicArn();
        if (properties.get("Subscription") instanceof java.util.List<?> inline) {
            for (Object item : inline) {
                Map<String, Object> subscription = Maps.map(item, logicalId + ".Subscription");
                subscribe(arn, subscription);
            }
        }
        return new PhysicalResource(logicalId, "AWS::SNS::Topic", arn, Map.of("TopicArn", arn, "TopicName", name));
    }

    PhysicalResource subscription(ProvisionedStack stack, String logicalId, Map<String, Object> raw) {
        Map<String, Object> properties = Provisioner.resolved(stack, raw, logicalId);
        String arn = subscribe(Maps.string(properties.get("TopicArn"), logicalId + ".TopicArn"), properties);
        return new PhysicalResource(logicalId, "AWS::SNS::Subscription", arn, Map.of("Arn", arn));
    }

    private String subscribe(String topicArn, Map<String, Object> properties) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : new String[] {"FilterPolicy", "RedrivePolicy", "DeliveryPolicy"}) {
            if (properties.get(name) != null) {
                attributes.put(name, Json.write(properties.get(name)));
            }
        }
        for (String name : new String[] {"FilterPolicyScope", "RawMessageDelivery"}) {
            if (properties.get(name) != null) {
                attributes.put(name, String.valueOf(properties.get(name)));
            }
        }
        return sns.subscribe(subscribe -> subscribe.topicArn(topicArn)
                .protocol(Maps.string(properties.get("Protocol"), "Protocol"))
                .endpoint(Maps.string(properties.get("Endpoint"), "Endpoint"))
                .attributes(attributes)
                .returnSubscriptionArn(true)).subscriptionArn();
    }
}
