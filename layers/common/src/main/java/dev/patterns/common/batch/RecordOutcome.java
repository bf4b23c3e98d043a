package dev.patterns.common.batch;

/** What became of one SQS record in a batch. */
public sealed interface RecordOutcome {

    String messageId();

    /** The record's work is done (or was already done by an earlier delivery). */
    record Succeeded(String messageId) implements RecordOutcome {
    }

    /** The record's work failed; it goes back to the queue and is retried or dead-lettered. */
    record Failed(String messageId, String reason, Exception cause) implements RecordOutcome {
    }

    /** A permanent failure, moved to the DLQ at once by the processor: done as far as this queue is concerned. */
    record DeadLettered(String messageId, String reason) implements RecordOutcome {
    }

    /**
     * FIFO only: the record was not run because an earlier record of its message group failed in
     * this batch; it goes back to the queue so the group's order is kept.
     */
    record NotAttempted(String messageId, String messageGroupId, String blockedBy) implements RecordOutcome {
    }

    default boolean returnsToQueue() {
        return !(this instanceof Succeeded || this instanceof DeadLettered);
    }
}
