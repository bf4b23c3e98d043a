package dev.patterns.queueworker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.patterns.common.AwsClients;
import dev.patterns.common.Env;
import dev.patterns.common.batch.SqsBatchProcessor;
import dev.patterns.common.idempotency.DynamoDbIdempotencyStore;
import dev.patterns.common.idempotency.Idempotency;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Pattern 1: SQS standard queue -> ledger postings, with partial batch failures and idempotency. */
public final class QueueWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final SqsBatchProcessor processor;

    public QueueWorkerHandler() {
        this(QueueWorkerConfig.from(Env.system()), AwsClients.create(DynamoDbClient.builder()));
    }

    QueueWorkerHandler(QueueWorkerConfig config, DynamoDbClient dynamoDb) {
        this(config, dynamoDb, new DynamoDbLedger(dynamoDb, config.ledgerTable()));
    }

    QueueWorkerHandler(QueueWorkerConfig config, DynamoDbClient dynamoDb, Ledger ledger) {
        Idempotency idempotency = new Idempotency(
                new DynamoDbIdempotencyStore(dynamoDb, config.idempotencyTable()), config.idempotencyTtl(), Clock.systemUTC());
        PostingService postings = new PostingService(ledger, idempotency);
        this.processor = SqsBatchProcessor.unordered((message, context) -> postings.apply(
                Posting.parse(message.getBody()), Duration.ofMillis(context.getRemainingTimeInMillis())));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return processor.handle(event, context);
    }
}
