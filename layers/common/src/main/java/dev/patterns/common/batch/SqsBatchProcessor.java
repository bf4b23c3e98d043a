package dev.patterns.common.batch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Runs a {@link RecordHandler} over an SQS batch and reports partial failures the way
 * {@code ReportBatchItemFailures} expects.
 *
 * <p>Unordered: every record is attempted; only failed ones come back. Per message group (FIFO):
 * once a record fails, every later record of the same {@code MessageGroupId} in this batch is
 * returned without being run, while other groups keep flowing. The set of failed groups lives
 * for one {@link #process} call only.
 *
 * <p>An {@link Error} (out of memory, stack overflow) is not a record's fault and leaves the
 * process in doubt, so it propagates: Lambda then returns the whole batch.
 */
public final class SqsBatchProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(SqsBatchProcessor.class);

    private final RecordHandler handler;
    private final boolean perMessageGroup;
    private final DeadLetterRouter deadLetters;
    private final int maxReceiveCount;

    private SqsBatchProcessor(RecordHandler handler, boolean perMessageGroup, DeadLetterRouter deadLetters, int maxReceiveCount) {
        this.handler = handler;
        this.perMessageGroup = perMessageGroup;
        this.deadLetters = deadLetters;
        this.maxReceiveCount = maxReceiveCount;
    }

    /** For standard queues. */
    public static SqsBatchProcessor unordered(RecordHandler handler) {
        return new SqsBatchProcessor(handler, false, null, 0);
    }

    /** For FIFO queues: order is kept within each MessageGroupId. */
    public static SqsBatchProcessor perMessageGroup(RecordHandler handler) {
        return new SqsBatchProcessor(handler, true, null, 0);
    }

    /**
     * Failures marked {@link PermanentFailure} go to the DLQ at once through {@code router}
     * (and, on a FIFO queue, the rest of their group carries on, as it would once the DLQ took
     * the message after maxReceiveCount). If routing fails, the record fails as usual.
     */
    public SqsBatchProcessor withDeadLetterRouting(DeadLetterRouter router) {
        return new SqsBatchProcessor(handler, perMessageGroup, router, maxReceiveCount);
    }

    /**
     * Also dead-letters, through the router, a record that fails on its last allowed receive (its
     * ApproximateReceiveCount has reached the queue's {@code maxReceiveCount}). On a FIFO queue
     * this is what lets a stuck group proceed: SQS counts the receives of the messages queued
     * behind a failing one too, because they come back with it, so left to the queue's own
     * redrive they would reach the DLQ together with it. Moved here instead, the failing
     * message leaves after exactly maxReceiveCount receives and the rest of its group runs in
     * the same batch, in order.
     */
    public SqsBatchProcessor deadLetteringOnLastReceive(int queueMaxReceiveCount) {
        if (deadLetters == null) {
            throw new IllegalStateException("Set dead-letter routing first");
        }
        return new SqsBatchProcessor(handler, perMessageGroup, deadLetters, queueMaxReceiveCount);
    }

    /**
     * The whole of an SQS handler's {@code handleRequest}: Powertools logging context, the
     * batch, its metrics, and the response Lambda reads with ReportBatchItemFailures.
     */
    public SQSBatchResponse handle(SQSEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            BatchResult result = process(event, context);
            BatchMetrics.publish(result);
            return result.toResponse();
        });
    }

    public BatchResult process(SQSEvent event, Context context) {
        List<SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<RecordOutcome> outcomes = new ArrayList<>(records.size());
        Map<String, String> failedGroups = new HashMap<>();
        for (SQSMessage message : records) {
            outcomes.add(processOne(message, context, failedGroups));
        }
        BatchResult result = new BatchResult(outcomes);
        LOG.info("Batch processed: {} records, {} succeeded, {} failed, {} dead-lettered, {} not attempted",
                records.size(), result.count(RecordOutcome.Succeeded.class), result.count(RecordOutcome.Failed.class),
                result.count(RecordOutcome.DeadLettered.class), result.count(RecordOutcome.NotAttempted.class));
        return result;
    }

    private RecordOutcome processOne(SQSMessage message, Context context, Map<String, String> failedGroups) {
        String messageId = message.getMessageId();
        String group = perMessageGroup ? messageGroupId(message) : null;
        MDC.put("messageId", messageId);
        if (group != null) {
            MDC.put("messageGroupId", group);
        }
        try {
            if (group != null && failedGroups.containsKey(group)) {
                String blockedBy = failedGroups.get(group);
                LOG.warn("Not attempted: an earlier message of group {} failed ({}); returned to keep order", group, blockedBy);
                return new RecordOutcome.NotAttempted(messageId, group, blockedBy);
            }
            try {
                handler.handle(message, context);
                return new RecordOutcome.Succeeded(messageId);
            } catch (Exception e) {
                String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
                boolean lastReceive = maxReceiveCount > 0 && receiveCount(message) >= maxReceiveCount;
                if (deadLetters != null && (e instanceof PermanentFailure || lastReceive)) {
                    if (!(e instanceof PermanentFailure)) {
                        reason = "Failed on receive " + receiveCount(message) + " of maxReceiveCount " + maxReceiveCount + ": " + reason;
                    }
                    try {
                        deadLetters.route(message, reason);
                        LOG.error("Record dead-lettered: {}", reason);
                        return new RecordOutcome.DeadLettered(messageId, reason);
                    } catch (Exception routing) {
                        LOG.error("Could not dead-letter a permanent failure ({}); leaving it to the queue's redrive", reason, routing);
                    }
                }
                if (group != null) {
                    failedGroups.put(group, messageId);
                }
                LOG.error("Record failed: {}", reason, e);
                return new RecordOutcome.Failed(messageId, reason, e);
            }
        } finally {
            MDC.remove("messageId");
            MDC.remove("messageGroupId");
        }
    }

    private static int receiveCount(SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 0 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String messageGroupId(SQSMessage message) {
        Map<String, String> attributes = message.getAttributes();
        String group = attributes == null ? null : attributes.get("MessageGroupId");
        // A FIFO record always has a group; treating a missing one as its own group keeps going.
        return group == null ? "(no group: " + message.getMessageId() + ")" : group;
    }
}
