package dev.patterns.queueworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.patterns.common.Env;
import dev.patterns.local.LocalSession;
import dev.patterns.local.runtime.FunctionSpec;
import dev.patterns.testsupport.EmulatorExtension;
import dev.patterns.testsupport.Events;
import dev.patterns.testsupport.TestContext;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The worker's handler in the test JVM, its DynamoDB calls going over HTTP to the emulator, its
 * configuration taken from the function's Environment in the template.
 */
@ExtendWith(EmulatorExtension.class)
class QueueWorkerIntegrationTest {

    private final LocalSession session;
    private final DynamoDbClient dynamoDb;
    private final QueueWorkerConfig config;

    QueueWorkerIntegrationTest(LocalSession session) {
        this.session = session;
        this.dynamoDb = session.clients().create(DynamoDbClient.builder());
        this.config = QueueWorkerConfig.from(new Env(FunctionSpec.of(session.stack(), "QueueWorkerFunction").environment()));
    }

    @BeforeEach
    void emptyTables() {
        for (String table : new String[] {config.ledgerTable(), config.idempotencyTable()}) {
            String key = table.equals(config.ledgerTable()) ? "account" : "id";
            dynamoDb.scan(scan -> scan.tableName(table)).items().forEach(item ->
                    dynamoDb.deleteItem(delete -> delete.tableName(table).key(Map.of(key, item.get(key)))));
        }
    }

    @Test
    void batchOfTenWithTwoInvalidMessagesReturnsExactlyThoseTwo() {
        SQSEvent batch = Events.sqs("queue-worker/batch-mixed.json");

        SQSBatchResponse response = handler().handleRequest(batch, context());

        assertThat(batch.getRecords()).hasSize(10);
        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly("00000000-0000-4000-8000-000000000004", "00000000-0000-4000-8000-000000000008");
        assertThat(ledger()).isEqualTo(Map.of("acc-alice", 1800L, "acc-bob", 1800L, "acc-carol", 700L));
    }

    @Test
    void messageDeliveredTwiceHasOneEffect() {
        QueueWorkerHandler handler = handler();
        SQSEvent single = Events.sqs("queue-worker/single.json");

        SQSBatchResponse first = handler.handleRequest(single, context());
        SQSBatchResponse redelivery = handler.handleRequest(single, context());

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(redelivery.getBatchItemFailures()).isEmpty();
        assertThat(ledger()).isEqualTo(Map.of("acc-erin", 4200L));
        assertThat(postings("acc-erin")).isEqualTo(1);
    }

    @Test
    void samePostingInTwoDifferentMessagesHasOneEffect() {
        SQSEvent duplicates = Events.sqs("queue-worker/duplicate-posting.json");

        SQSBatchResponse response = handler().handleRequest(duplicates, context());

        assertThat(duplicates.getRecords()).extracting(SQSEvent.SQSMessage::getMessageId).doesNotHaveDuplicates();
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(ledger()).isEqualTo(Map.of("acc-dave", 2500L));
    }

    @Test
    void handlerThrowingAfterThreeRecordsLeavesNoDoubleEffectWhenTheBatchReturns() {
        SQSEvent batch = Events.sqs("queue-worker/batch-mixed.json");
        Ledger real = new DynamoDbLedger(dynamoDb, config.ledgerTable());
        AtomicInteger applied = new AtomicInteger();
        Ledger crashingAfterThree = posting -> {
            if (applied.incrementAndGet() > 3) {
                throw new OutOfMemoryError("simulated crash after 3 postings");
            }
            real.apply(posting);
        };

        assertThatThrownBy(() -> new QueueWorkerHandler(config, dynamoDb, crashingAfterThree).handleRequest(batch, context()))
                .isInstanceOf(OutOfMemoryError.class);
        assertThat(ledger().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(100 + 200 + 300);

        // Lambda returns the whole batch; the redelivery runs against a healthy ledger.
        SQSBatchResponse retry = handler().handleRequest(batch, context());

        assertThat(retry.getBatchItemFailures()).hasSize(2);
        assertThat(ledger()).isEqualTo(Map.of("acc-alice", 1800L, "acc-bob", 1800L, "acc-carol", 700L));
        assertThat(postings("acc-bob") + postings("acc-alice") + postings("acc-carol")).isEqualTo(8);
    }

    @Test
    void postingClaimedByAnotherInvocationIsReturnedForRetryNotRunTwice() {
        SQSEvent single = Events.sqs("queue-worker/single.json");
        anotherInvocationClaims("posting#p-3001", Instant.now().plusSeconds(60));

        SQSBatchResponse response = handler().handleRequest(single, context());

        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly("00000000-0000-4000-8000-000000000301");
        assertThat(ledger()).isEmpty();
    }

    @Test
    void postingWhoseClaimOutlivedItsInvocationIsRunByTheRetry() {
        SQSEvent single = Events.sqs("queue-worker/single.json");
        anotherInvocationClaims("posting#p-3001", Instant.now().minusMillis(1));

        SQSBatchResponse response = handler().handleRequest(single, context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(ledger()).isEqualTo(Map.of("acc-erin", 4200L));
    }

    /** The claim another invocation would have written, with its in-progress deadline. */
    private void anotherInvocationClaims(String key, Instant inProgressUntil) {
        dynamoDb.putItem(put -> put.tableName(config.idempotencyTable()).item(Map.of(
                "id", AttributeValue.fromS(key),
                "status", AttributeValue.fromS("IN_PROGRESS"),
                "expiration", AttributeValue.fromN(Long.toString(Instant.now().plusSeconds(3600).getEpochSecond())),
                "inProgressUntil", AttributeValue.fromN(Long.toString(inProgressUntil.toEpochMilli())))));
    }

    private QueueWorkerHandler handler() {
        return new QueueWorkerHandler(config, dynamoDb);
    }

    private static TestContext context() {
        return new TestContext("queue-worker", 30);
    }

    private Map<String, Long> ledger() {
        Map<String, Long> balances = new TreeMap<>();
        dynamoDb.scan(scan -> scan.tableName(config.ledgerTable())).items()
                .forEach(item -> balances.put(item.get("account").s(), Long.parseLong(item.get("balanceCents").n())));
        return balances;
    }

    private long postings(String account) {
        var item = dynamoDb.getItem(get -> get.tableName(config.ledgerTable()).key(Map.of("account", AttributeValue.fromS(account)))).item();
        return item.isEmpty() ? 0 : Long.parseLong(item.get("postings").n());
    }
}
