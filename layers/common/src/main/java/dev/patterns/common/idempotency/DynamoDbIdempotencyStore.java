package dev.patterns.common.idempotency;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Idempotency records in a DynamoDB table keyed by {@code id} (S), with {@code expiration} in epoch
 * seconds as the table's TTL attribute. The claim is one conditional PutItem, so two concurrent
 * invocations can never both win it.
 */
public final class DynamoDbIdempotencyStore implements IdempotencyStore {

    private static final String CLAIM_CONDITION = "attribute_not_exists(id) OR expiration < :nowSeconds"
            + " OR (#status = :inProgress AND inProgressUntil < :nowMillis)";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbIdempotencyStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<IdempotencyRecord> claim(String key, Instant now, Instant expiresAt, Instant inProgressUntil) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                dynamoDb.putItem(put -> put.tableName(tableName)
                        .item(Map.of(
                                "id", s(key),
                                "status", s(IdempotencyRecord.Status.IN_PROGRESS.name()),
                                "expiration", n(expiresAt.getEpochSecond()),
                                "inProgressUntil", n(inProgressUntil.toEpochMilli())))
                        .conditionExpression(CLAIM_CONDITION)
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(
                                ":nowSeconds", n(now.getEpochSecond()),
                                ":nowMillis", n(now.toEpochMilli()),
                                ":inProgress", s(IdempotencyRecord.Status.IN_PROGRESS.name()))));
                return Optional.empty();
            } catch (ConditionalCheckFailedException lost) {
                Optional<IdempotencyRecord> holder = read(key);
                if (holder.isPresent() && holder.get().isLive(now)) {
                    return holder;
                }
                // The holder released or expired between our write and our read: claim again.
            }
        }
        throw new IllegalStateException("Could not claim idempotency key '" + key + "' after 3 attempts");
    }

    @Override
    public void complete(String key, String result, Instant expiresAt) {
        dynamoDb.putItem(put -> put.tableName(tableName).item(Map.of(
                "id", s(key),
                "status", s(IdempotencyRecord.Status.COMPLETED.name()),
                "expiration", n(expiresAt.getEpochSecond()),
                "inProgressUntil", n(0),
                "data", s(result))));
    }

    @Override
    public void release(String key) {
        dynamoDb.deleteItem(delete -> delete.tableName(tableName).key(Map.of("id", s(key))));
    }

    private Optional<IdempotencyRecord> read(String key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(Map.of("id", s(key))).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IdempotencyRecord(
                key,
                IdempotencyRecord.Status.valueOf(item.get("status").s()),
                Instant.ofEpochSecond(Long.parseLong(item.get("expiration").n())),
                Instant.ofEpochMilli(Long.parseLong(item.get("inProgressUntil").n())),
                item.containsKey("data") ? item.get("data").s() : null));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
