package dev.patterns.topicsubscriber;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Stores each notification once: a retried or re-delivered one finds its row and changes nothing. */
public final class NotificationStore {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public NotificationStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** @return false when it was already stored */
    public boolean store(Notification notification, String snsMessageId, String receivedAt) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(Map.of(
                            "notificationId", AttributeValue.fromS(notification.notificationId()),
                            "severity", AttributeValue.fromS(notification.severity()),
                            "text", AttributeValue.fromS(notification.text()),
                            "snsMessageId", AttributeValue.fromS(snsMessageId),
                            "receivedAt", AttributeValue.fromS(receivedAt)))
                    .conditionExpression("attribute_not_exists(notificationId)"));
            return true;
        } catch (ConditionalCheckFailedException duplicate) {
            return false;
        }
    }
}
