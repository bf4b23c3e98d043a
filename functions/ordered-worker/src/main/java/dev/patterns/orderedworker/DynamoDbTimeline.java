package dev.patterns.orderedworker;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Order timelines in DynamoDB, one item per order. The append is conditional on the sequence
 * moving forward, so a redelivered event is recognised and changes nothing: the sequence is the
 * idempotency key a FIFO group gives for free. A gap is accepted: the missing event went to the
 * DLQ, which is what unblocks a stuck group.
 */
public final class DynamoDbTimeline implements Timeline {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbTimeline(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean append(OrderEvent event) {
        try {
            dynamoDb.updateItem(update -> update.tableName(tableName)
                    .key(Map.of("orderId", AttributeValue.fromS(event.orderId())))
                    .updateExpression("SET #events = list_append(if_not_exists(#events, :empty), :event), lastSequence = :sequence, #status = :type")
                    .conditionExpression("attribute_not_exists(lastSequence) OR lastSequence < :sequence")
                    .expressionAttributeNames(Map.of("#events", "events", "#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":empty", AttributeValue.fromL(List.of()),
                            ":event", AttributeValue.fromL(List.of(AttributeValue.fromS(event.sequence() + ":" + event.type()))),
                            ":sequence", AttributeValue.fromN(Long.toString(event.sequence())),
                            ":type", AttributeValue.fromS(event.type()))));
            return true;
        } catch (ConditionalCheckFailedException alreadyApplied) {
            return false;
        }
    }
}
