package dev.patterns.local.provision;

import dev.patterns.local.template.Json;
import dev.patterns.local.template.Maps;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** AWS::SQS::Queue and AWS::SQS::QueuePolicy. */
final class SqsResources {

    /** Template property -> queue attribute; the encryption settings have no meaning locally. */
    private static final Map<String, QueueAttributeName> ATTRIBUTES = Map.ofEntries(
            Map.entry("VisibilityTimeout", QueueAttributeName.VISIBILITY_TIMEOUT),
            Map.entry("MessageRetentionPeriod", QueueAttributeName.MESSAGE_RETENTION_PERIOD),
            Map.entry("DelaySeconds", QueueAttributeName.DELAY_SECONDS),
            Map.entry("MaximumMessageSize", QueueAttributeName.MAXIMUM_MESSAGE_SIZE),
            Map.entry("ReceiveMessageWaitTimeSeconds", QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS),
            Map.entry("FifoQueue", QueueAttributeName.FIFO_QUEUE),
            Map.entry("ContentBasedDeduplication", QueueAttributeName.CONTENT_BASED_DEDUPLICATION),
            Map.entry("DeduplicationScope", QueueAttributeName.DEDUPLICATION_SCOPE),
            Map.entry("FifoThroughputLimit", QueueAttributeName.FIFO_THROUGHPUT_LIMIT),
            Map.entry("RedrivePolicy", QueueAttributeName.REDRIVE_POLICY),
            Map.entry("RedriveAllowPolicy", QueueAttributeName.REDRIVE_ALLOW_POLICY));

    private final SqsClient sqs;

    SqsResources(SqsClient sqs) {
        this.sqs = sqs;
    }

    PhysicalResource queue(ProvisionedStack stack, String logicalId, Map<String, Object> raw) {
        Map<String, Object> properties = Provisioner.resolved(stack, raw, logicalId);
        boolean fifo = Boolean.parseBoolean(String.valueOf(properties.getOrDefault("FifoQueue", "false")));
        String name = properties.containsKey("QueueName")
                ? Maps.string(properties.get("QueueName"), logicalId + ".QueueName")
                : Provisioner.generatedName(stack, logicalId, fifo ? 75 : 80);
        if (fifo && !name.endsWith(".fifo")) {
            name = name + ".fifo";
        }
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        ATTRIBUTES.forEach((property, attribute) -> {
            Object value = properties.get(property);
            if (value != null) {
                attributes.put(attribute, value instanceof Map<?, ?> ? Json.write(value) : String.valueOf(value));
            }
        });
        String queueName = name;
        String url = sqs.createQueue(create -> create.queueName(queueName).attributes(attributes)).queueUrl();
        String arn = Provisioner.arn("sqs", name);
        return new PhysicalResource(logicalId, "AWS::SQS::Queue", url, Map.of("Arn", arn, "QueueName", name, "QueueUrl", url));
    }

    PhysicalResource queuePolicy(ProvisionedStack stack, String logicalId, Map<String, Object> raw) {
        Map<String, Object> properties = Provisioner.resolved(stack, raw, logicalId);
        String policy = Json.write(properties.get("PolicyDocument"));
        for (Object url : Maps.list(properties.get("Queues"), logicalId + ".Queues")) {
            sqs.setQueueAttributes(set -> set.queueUrl(String.valueOf(url)).attributes(Map.of(QueueAttributeName.POLICY, policy)));
        }
        return new PhysicalResource(logicalId, "AWS::SQS::QueuePolicy", logicalId, Map.of());
    }
}
