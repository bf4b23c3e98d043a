package dev.patterns.local.sources;

import dev.patterns.local.template.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Where the emulator delivers a topic's messages for a Lambda subscriber. moto cannot invoke a
 * function without Docker, so the local mode subscribes a queue of its own in the function's
 * place, with the same filter policy; the SNS event source reads the notifications from there.
 */
public record SnsTap(SnsEventMapping mapping, String queueUrl, String subscriptionArn) {

    public static SnsTap create(SqsClient sqs, SnsClient sns, SnsEventMapping mapping, String stackName) {
        String name = (stackName + "-tap-" + mapping.functionLogicalId() + "-" + mapping.eventName());
        String queueUrl = sqs.createQueue(create -> create.queueName(name.length() > 80 ? name.substring(0, 80) : name)).queueUrl();
        String queueArn = sqs.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        Map<String, String> attributes = new LinkedHashMap<>();
        if (mapping.filterPolicy() != null) {
            attributes.put("FilterPolicy", Json.write(mapping.filterPolicy()));
        }
        if (mapping.filterPolicyScope() != null) {
            attributes.put("FilterPolicyScope", mapping.filterPolicyScope());
        }
        String subscriptionArn = sns.subscribe(subscribe -> subscribe.topicArn(mapping.topicArn()).protocol("sqs")
                .endpoint(queueArn).attributes(attributes).returnSubscriptionArn(true)).subscriptionArn();
        return new SnsTap(mapping, queueUrl, subscriptionArn);
    }
}
