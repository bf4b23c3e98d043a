package dev.patterns.local.provision;

import dev.patterns.local.template.Maps;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EventBridgeConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.TopicConfiguration;

/** AWS::S3::Bucket. */
final class S3Resources {

    private final S3Client s3;

    S3Resources(S3Client s3) {
        this.s3 = s3;
    }

    PhysicalResource bucket(ProvisionedStack stack, String logicalId, Map<String, Object> raw) {
        Map<String, Object> properties = Provisioner.resolved(stack, raw, logicalId);
        String name = properties.containsKey("BucketName")
                ? Maps.string(properties.get("BucketName"), logicalId + ".BucketName")
                : Provisioner.generatedName(stack, logicalId, 63).toLowerCase(Locale.ROOT);
        s3.createBucket(create -> create.bucket(name));
        if (properties.get("NotificationConfiguration") instanceof Map<?, ?> notifications) {
            s3.putBucketNotificationConfiguration(put -> put.bucket(name)
                    .notificationConfiguration(notificationConfiguration(Maps.map(notifications, logicalId + ".NotificationConfiguration"))));
        }
        return new PhysicalResource(logicalId, "AWS::S3::Bucket", name, Map.of(
                "Arn", "arn:aws:s3:::" + name,
                "DomainName", name + ".s3.amazonaws.com",
                "RegionalDomainName", name + ".s3.us-east-1.amazonaws.com"));
    }

    /** The bucket's own notifications: EventBridge, queues and topics (functions are tapped by the local mode). */
    private static NotificationConfiguration notificationConfiguration(Map<String, Object> declared) {
        NotificationConfiguration.Builder configuration = NotificationConfiguration.builder();
        if (declared.get("EventBridgeConfiguration") instanceof Map<?, ?> eventBridge
                && Boolean.parseBoolean(String.valueOf(eventBridge.get("EventBridgeEnabled")))) {
            configuration.eventBridgeConfiguration(EventBridgeConfiguration.builder().build());
        }
        if (declared.get("QueueConfigurations") instanceof List<?> queues) {
            configuration.queueConfigurations(queues.stream().map(item -> Maps.map(item, "QueueConfiguration"))
                    .map(queue -> QueueConfiguration.builder().queueArn(String.valueOf(queue.get("Queue")))
                            .eventsWithStrings(String.valueOf(queue.get("Event"))).filter(S3Notifications.filter(queue.get("Filter"))).build())
                    .toList());
        }
        if (declared.get("TopicConfigurations") instanceof List<?> topics) {
            configuration.topicConfigurations(topics.stream().map(item -> Maps.map(item, "TopicConfiguration"))
                    .map(topic -> TopicConfiguration.builder().topicArn(String.valueOf(topic.get("Topic")))
                            .eventsWithStrings(String.valueOf(topic.get("Event"))).filter(S3Notifications.filter(topic.get("Filter"))).build())
                    .toList());
        }
        return configuration.build();
    }

}
