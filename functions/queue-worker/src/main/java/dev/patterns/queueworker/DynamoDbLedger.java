package dev.patterns.queueworker;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Account balances in a DynamoDB table keyed by {@code account}; each posting is an atomic ADD. */
public final class DynamoDbLedger implements Ledger {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbLedger(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void apply(Posting posting) {
        dynamoDb.updateItem(update -> update.tableName(tableName)
                .key(Map.of("account", AttributeValue.fromS(posting.account())))
                .updateExpression("ADD balanceCents :amount, postings :one")
                .expressionAttributeValues(Map.of(
                        ":amount", AttributeValue.fromN(Long.toString(posting.amountCents())),
                        ":one", AttributeValue.fromN("1"))));
    }
}
