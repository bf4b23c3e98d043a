package dev.patterns.local.demo;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * A DynamoDB table taken away and given back with the same keys: a dependency outage that a
 * retry cannot fix while it lasts, and a redrive can after it ends.
 */
public final class TableOutage {

    private final DynamoDbClient dynamoDb;
    private final TableDescription table;

    private TableOutage(DynamoDbClient dynamoDb, TableDescription table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public static TableOutage begin(DynamoDbClient dynamoDb, String tableName) {
        TableDescription table = dynamoDb.describeTable(describe -> describe.tableName(tableName)).table();
        dynamoDb.deleteTable(delete -> delete.tableName(tableName));
        return new TableOutage(dynamoDb, table);
    }

    /** The table is back, empty, with its keys (what the functions need; indexes and TTL are not restored). */
    public void end() {
        dynamoDb.createTable(create -> create.tableName(table.tableName()).keySchema(table.keySchema())
                .attributeDefinitions(table.attributeDefinitions()).billingMode(BillingMode.PAY_PER_REQUEST));
    }
}
