package dev.patterns.local.provision;

import dev.patterns.local.emulator.AwsClientFactory;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Dispatches each resource type to the code that creates it in the emulator. */
final class ResourceCreators {

    private final SqsResources sqs;
    private final SnsResources sns;
    private final DynamoDbResources dynamoDb;
    private final S3Resources s3;
    private final EventsResources events;

    ResourceCreators(AwsClientFactory clients) {
        this.sqs = new SqsResources(clients.create(SqsClient.builder()));
        this.sns = new SnsResources(clients.create(SnsClient.builder()));
        this.dynamoDb = new DynamoDbResources(clients.create(DynamoDbClient.builder()));
        this.s3 = new S3Resources(clients.create(S3Client.builder().forcePathStyle(true)));
        this.events = new EventsResources(clients.create(EventBridgeClient.builder()));
    }

    void create(ProvisionedStack stack, String logicalId, String type, Map<String, Object> properties) {
        switch (type) {
            case "AWS::SQS::Queue" -> stack.add(sqs.queue(stack, logicalId, properties));
            case "AWS::SQS::QueuePolicy" -> stack.add(sqs.queuePolicy(stack, logicalId, properties));
            case "AWS::SNS::Topic" -> stack.add(sns.topic(stack, logicalId, properties));
            case "AWS::SNS::Subscription" -> stack.add(sns.subscription(stack, logicalId, properties));
            case "AWS::DynamoDB::Table" -> stack.add(dynamoDb.table(stack, logicalId, properties));
            case "AWS::S3::Bucket" -> stack.add(s3.bucket(stack, logicalId, properties));
            case "AWS::Events::Rule" -> stack.add(events.rule(stack, logicalId, properties));
            case "AWS::Events::Archive" -> stack.add(events.archive(stack, logicalId, properties));
            case "AWS::Serverless::Function", "AWS::Lambda::Function" -> stack.add(function(stack, logicalId, properties));
            case "AWS::Serverless::LayerVersion" -> {
                String name = properties.containsKey("LayerName")
                        ? stack.intrinsics().resolveString(properties.get("LayerName"), logicalId + ".LayerName")
                        : Provisioner.generatedName(stack, logicalId, 140);
                stack.add(new PhysicalResource(logicalId, type, Provisioner.arn("lambda", "layer:" + name + ":1"), Map.of()));
            }
            default -> stack.skip(logicalId, type + " has no emulator counterpart in the local mode");
        }
    }

    /** Functions are not created in the emulator (the local runtime plays Lambda); they only get names. */
    private static PhysicalResource function(ProvisionedStack stack, String logicalId, Map<String, Object> properties) {
        String name = properties.containsKey("FunctionName")
                ? stack.intrinsics().resolveString(properties.get("FunctionName"), logicalId + ".FunctionName")
                : Provisioner.generatedName(stack, logicalId, 64);
        String arn = Provisioner.arn("lambda", "function:" + name);
        return new PhysicalResource(logicalId, "AWS::Serverless::Function", name, Map.of("Arn", arn));
    }
}
