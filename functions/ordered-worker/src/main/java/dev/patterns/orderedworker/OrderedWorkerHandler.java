package dev.patterns.orderedworker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.patterns.common.AwsClients;
import dev.patterns.common.Env;
import dev.patterns.common.batch.SqsBatchProcessor;
import dev.patterns.common.batch.SqsDeadLetterRouter;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Pattern 2: SQS FIFO -> order timelines, in order per order. A failed event stops its own
 * group for the rest of the batch while other orders keep flowing; malformed or unknown events
 * go to the FIFO DLQ at once, and an event still failing on its last allowed receive goes there
 * too, so the events queued behind it proceed.
 */
public final class OrderedWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(OrderedWorkerHandler.class);

    private final SqsBatchProcessor processor;

    public OrderedWorkerHandler() {
        this(OrderedWorkerConfig.from(Env.system()), AwsClients.create(DynamoDbClient.builder()), AwsClients.create(SqsClient.builder()));
    }

    OrderedWorkerHandler(OrderedWorkerConfig config, DynamoDbClient dynamoDb, SqsClient sqs) {
        this(config, new DynamoDbTimeline(dynamoDb, config.timelineTable()), sqs, Clock.systemUTC());
    }

    OrderedWorkerHandler(OrderedWorkerConfig config, Timeline timeline, SqsClient sqs, Clock clock) {
        this.processor = SqsBatchProcessor.perMessageGroup((message, context) -> {
            OrderEvent event = OrderEvent.parse(message.getBody());
            Instant now = clock.instant();
            if (event.notBefore() != null && event.notBefore().isAfter(now)) {
                throw new NotYetDueException(event, now);
            }
            if (timeline.append(event)) {
                LOG.info("Order {} event {} {} applied", event.orderId(), event.sequence(), event.type());
            } else {
                LOG.info("Order {} event {} already applied; redelivery ignored", event.orderId(), event.sequence());
            }
        }).withDeadLetterRouting(new SqsDeadLetterRouter(sqs, config.deadLetterQueueUrl()))
                .deadLetteringOnLastReceive(config.maxReceiveCount());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return processor.handle(event, context);
    }
}
