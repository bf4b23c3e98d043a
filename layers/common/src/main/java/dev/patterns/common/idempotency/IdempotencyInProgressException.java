package dev.patterns.common.idempotency;

/**
 * Another invocation holds the key and has not finished: failing this record sends it back to
 * the queue, to be retried after the visibility timeout, rather than running the work twice.
 */
public final class IdempotencyInProgressException extends RuntimeException {

    public IdempotencyInProgressException(String key) {
        super("Work for idempotency key '" + key + "' is already in progress in another invocation");
    }
}
