package dev.patterns.local.provision;

import dev.patterns.local.template.Maps;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** AWS::DynamoDB::Table, with its indexes, stream and TTL. */
final class DynamoDbResources {

    private final DynamoDbClient dynamoDb;

    DynamoDbResources(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    PhysicalResource table(ProvisionedStack stack, String logicalId, Map<String, Object> raw) {
        Map<String, Object> properties = Provisioner.resolved(stack, raw, logicalId);
        String name = properties.containsKey("TableName")
                ? Maps.string(properties.get("TableName"), logicalId + ".TableName")
                : Provisioner.generatedName(stack, logicalId, 255);
        CreateTableRequest.Builder create = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.fromValue(String.valueOf(properties.getOrDefault("BillingMode", "PAY_PER_REQUEST"))))
                .attributeDefinitions(Maps.list(properties.get("AttributeDefinitions"), logicalId + ".AttributeDefinitions").stream()
                        .map(item -> Maps.map(item, "AttributeDefinition"))
                        .map(item -> AttributeDefinition.builder().attributeName((String) item.get("AttributeName"))
                                .attributeType((String) item.get("AttributeType")).build())
                        .toList())
                .keySchema(keySchema(properties.get("KeySchema")));
        if (properties.get("ProvisionedThroughput") instanceof Map<?, ?> throughput) {
            create.provisionedThroughput(t -> t.readCapacityUnits(Long.valueOf(String.valueOf(throughput.get("ReadCapacityUnits"))))
                    .writeCapacityUnits(Long.valueOf(String.valueOf(throughput.get("WriteCapacityUnits")))));
        }
        if (properties.get("GlobalSecondaryIndexes") instanceof List<?> indexes) {
            create.globalSecondaryIndexes(indexes.stream().map(item -> Maps.map(item, "GlobalSecondaryIndex"))
                    .map(index -> GlobalSecondaryIndex.builder()
                            .indexName((String) index.get("IndexName"))
                            .keySchema(keySchema(index.get("KeySchema")))
                            .projection(projection(index.get("Projection")))
                            .build())
                    .toList());
        }
        if (properties.get("StreamSpecification") instanceof Map<?, ?> stream) {
            create.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(String.valueOf(stream.get("StreamViewType"))).build());
        }
        TableDescription table = dynamoDb.createTable(create.build()).tableDescription();
        if (properties.get("TimeToLiveSpecification") instanceof Map<?, ?> ttl
                && Boolean.parseBoolean(String.valueOf(ttl.get("Enabled")))) {
            dynamoDb.updateTimeToLive(update -> update.tableName(name).timeToLiveSpecification(
                    spec -> spec.attributeName(String.valueOf(ttl.get("AttributeName"))).enabled(true)));
        }
        Map<String, Object> attributes = table.latestStreamArn() == null
                ? Map.of("Arn", table.tableArn())
                : Map.of("Arn", table.tableArn(), "StreamArn", table.latestStreamArn());
        return new PhysicalResource(logicalId, "AWS::DynamoDB::Table", name, attributes);
    }

    private static List<KeySchemaElement> keySchema(Object raw) {
        return Maps.list(raw, "KeySchema").stream().map(item -> Maps.map(item, "KeySchema"))
                .map(key -> KeySchemaElement.builder().attributeName((String) key.get("AttributeName"))
                        .keyType((String) key.get("KeyType")).build())
                .toList();
    }

    private static Projection projection(Object raw) {
        Map<String, Object> projection = raw == null ? Map.of("ProjectionType", "ALL") : Maps.map(raw, "Projection");
        Projection.Builder builder = Projection.builder().projectionType(String.valueOf(projection.getOrDefault("ProjectionType", "ALL")));
        if (projection.get("NonKeyAttributes") instanceof List<?> attributes) {
            builder.nonKeyAttributes(attributes.stream().map(String::valueOf).toList());
        }
        return builder.build();
    }
}
