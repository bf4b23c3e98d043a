package dev.patterns.common.batch;

/**
 * Marks a failure no retry can fix (a bad schema, an unknown type). With dead-letter routing on,
 * the batch processor moves such a message to its DLQ at once, with the reason, instead of
 * letting it burn the queue's maxReceiveCount receives.
 */
public interface PermanentFailure {
}
