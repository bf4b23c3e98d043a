package dev.patterns.local.sources;

import dev.patterns.local.provision.ProvisionedStack;
import dev.patterns.local.runtime.FunctionSpec;
import dev.patterns.local.template.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import dev.patterns.local.provision.S3Notifications;
import software.amazon.awssdk.services.s3.model.EventBridgeConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Creates the taps for every asynchronous event of every function in the template. */
public final class Taps {

    private final SqsClient sqs;
    private final SnsClient sns;
    private final S3Client s3;
    private final EventBridgeClient events;

    public Taps(SqsClient sqs, SnsClient sns, S3Client s3, EventBridgeClient events) {
        this.sqs = sqs;
        this.sns = sns;
        this.s3 = s3;
        this.events = events;
    }

    public List<Tap> create(ProvisionedStack stack) {
        List<Tap> taps = new ArrayList<>();
        stack.ruleFunctionTargets().forEach(target ->
                taps.add(ruleTarget(stack, target.ruleName(), target.eventBusName(), target.functionLogicalId(), target.targetId())));
        for (FunctionSpec function : FunctionSpec.all(stack)) {
            for (FunctionSpec.EventSpec event : function.events().values()) {
                switch (event.type()) {
                    case "SNS" -> taps.add(sns(stack, function, event));
                    case "S3" -> taps.add(s3(stack, function, event));
                    case "EventBridgeRule", "CloudWatchEvent" -> taps.add(eventBridge(stack, function, event));
                    default -> {
                        // SQS has its own poller; other types are not played locally.
                    }
                }
            }
        }
        return taps;
    }

    /** A Lambda target of a plain AWS::Events::Rule: a tap on that rule. */
    public Tap ruleTarget(ProvisionedStack stack, String ruleName, String eventBusName, String functionLogicalId, String targetId) {
        String[] queue = queue(stack.stackName() + "-tap-" + functionLogicalId + "-" + targetId);
        events.putTargets(put -> put.rule(ruleName).eventBusName(eventBusName)
                .targets(target -> target.id("local-tap-" + targetId).arn(queue[1])));
        return new Tap(functionLogicalId, targetId, Tap.Kind.EVENTBRIDGE, queue[0], ruleName);
    }

    private Tap sns(ProvisionedStack stack, FunctionSpec function, FunctionSpec.EventSpec event) {
        String[] queue = queue(name(stack, function, event));
        String topicArn = String.valueOf(event.properties().get("Topic"));
        Map<String, String> attributes = new LinkedHashMap<>();
        if (event.properties().get("FilterPolicy") != null) {
            attributes.put("FilterPolicy", Json.write(event.properties().get("FilterPolicy")));
        }
        if (event.properties().get("FilterPolicyScope") != null) {
            attributes.put("FilterPolicyScope", String.valueOf(event.properties().get("FilterPolicyScope")));
        }
        String subscription = sns.subscribe(subscribe -> subscribe.topicArn(topicArn).protocol("sqs").endpoint(queue[1])
                .attributes(attributes).returnSubscriptionArn(true)).subscriptionArn();
        return new Tap(function.logicalId(), event.name(), Tap.Kind.SNS, queue[0], subscription);
    }

    /** S3 -> Lambda notifications become queue notifications with the same events and key filter. */
    private Tap s3(ProvisionedStack stack, FunctionSpec function, FunctionSpec.EventSpec event) {
        String[] queue = queue(name(stack, function, event));
        String bucket = String.valueOf(event.properties().get("Bucket"));
        Object declared = event.properties().get("Events");
        List<String> bucketEvents = declared instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(declared));
        QueueConfiguration.Builder configuration = QueueConfiguration.builder().id(function.logicalId() + "-" + event.name())
                .queueArn(queue[1]).eventsWithStrings(bucketEvents);
        configuration.filter(S3Notifications.filter(event.properties().get("Filter")));
        var current = s3.getBucketNotificationConfiguration(get -> get.bucket(bucket));
        List<QueueConfiguration> queues = new ArrayList<>(current.queueConfigurations());
        queues.add(configuration.build());
        NotificationConfiguration.Builder merged = NotificationConfiguration.builder()
                .queueConfigurations(queues)
                .topicConfigurations(current.topicConfigurations())
                .lambdaFunctionConfigurations(current.lambdaFunctionConfigurations());
        // moto leaves EventBridgeConfiguration out of its answer (S3 includes it), so the template decides.
        if (current.eventBridgeConfiguration() != null || declaresEventBridge(stack, bucket)) {
            merged.eventBridgeConfiguration(EventBridgeConfiguration.builder().build());
        }
        s3.putBucketNotificationConfiguration(put -> put.bucket(bucket).notificationConfiguration(merged.build()));
        return new Tap(function.logicalId(), event.name(), Tap.Kind.S3, queue[0], "arn:aws:s3:::" + bucket);
    }

    private static boolean declaresEventBridge(ProvisionedStack stack, String bucketName) {
        return stack.resources().stream()
                .filter(resource -> resource.type().equals("AWS::S3::Bucket") && resource.ref().equals(bucketName))
                .map(resource -> stack.template().properties(resource.logicalId()).get("NotificationConfiguration"))
                .anyMatch(notifications -> notifications instanceof Map<?, ?> map && map.get("EventBridgeConfiguration") instanceof Map<?, ?> eventBridge
                        && Boolean.parseBoolean(String.valueOf(eventBridge.get("EventBridgeEnabled"))));
    }

    private Tap eventBridge(ProvisionedStack stack, FunctionSpec function, FunctionSpec.EventSpec event) {
        String[] queue = queue(name(stack, function, event));
        String bus = event.properties().get("EventBusName") == null ? "default" : String.valueOf(event.properties().get("EventBusName"));
        String rule = name(stack, function, event);
        String ruleArn = events.putRule(put -> put.name(rule).eventBusName(bus).eventPattern(Json.write(event.properties().get("Pattern")))).ruleArn();
        events.putTargets(put -> put.rule(rule).eventBusName(bus).targets(target -> target.id("local-tap").arn(queue[1])));
        return new Tap(function.logicalId(), event.name(), Tap.Kind.EVENTBRIDGE, queue[0], ruleArn);
    }

    /** @return the queue's URL and ARN */
    private String[] queue(String name) {
        String trimmed = name.length() > 80 ? name.substring(0, 80) : name;
        String url = sqs.createQueue(create -> create.queueName(trimmed)).queueUrl();
        String arn = sqs.getQueueAttributes(get -> get.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new String[] {url, arn};
    }

    private static String name(ProvisionedStack stack, FunctionSpec function, FunctionSpec.EventSpec event) {
        return stack.stackName() + "-tap-" + function.logicalId() + "-" + event.name();
    }
}
