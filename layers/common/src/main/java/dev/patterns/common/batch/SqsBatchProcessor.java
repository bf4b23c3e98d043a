package dev.patterns.common.batch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

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

    private SqsBatchProcessor(RecordHandler handler, boolean perMessageGroup) {
        this.handler = handler;
        this.perMessageGroup = perMessageGroup;
    }

    /** For standard queues. */
    public static SqsBatchProcessor unordered(RecordHandler handler) {
        return new SqsBatchProcessor(handler, false);
    }

    /** For FIFO queues: order is kept within each MessageGroupId. */
    public static SqsBatchProcessor perMessageGroup(RecordHandler handler) {
        return new SqsBatchProcessor(handler, true);
    }

    public BatchResult process(SQSEvent event, Context context) {
        List<SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<RecordOutcome> outcomes = new ArrayList<>(records.size());
        Map<String, String> failedGroups = new HashMap<>();
        for (SQSMessage message : records) {
            outcomes.add(processOne(message, context, failedGroups));
        }
        BatchResult result = new BatchResult(outcomes);
        LOG.info("Batch processed: {} records, {} succeeded, {} failed, {} not attempted",
                records.size(), result.count(RecordOutcome.Succeeded.class),
                result.count(RecordOutcome.Failed.class), result.count(RecordOutcome.NotAttempted.class));
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
                if (group != null) {
                    failedGroups.put(group, messageId);
                }
                String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
                LOG.error("Record failed: {}", reason, e);
                return new RecordOutcome.Failed(messageId, reason, e);
            }
        } finally {
            MDC.remove("messageId");
            MDC.remove("messageGroupId");
        }
    }

    private static String messageGroupId(SQSMessage message) {
        Map<String, String> attributes = message.getAttributes();
        String group = attributes == null ? null : attributes.get("MessageGroupId");
        // A FIFO record always has a group; treating a missing one as its own group keeps going.
        return group == null ? "(no group: " + message.getMessageId() + ")" : group;
    }
}
