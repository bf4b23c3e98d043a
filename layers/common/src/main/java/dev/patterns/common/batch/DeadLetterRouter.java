package dev.patterns.common.batch;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;

/** Where a permanently failed message goes at once. */
@FunctionalInterface
public interface DeadLetterRouter {

    /**
     * Sends {@code message} to its dead-letter queue, body unchanged, with {@code reason}.
     * Throwing leaves the message on the normal retry path, so it is never lost.
     */
    void route(SQSMessage message, String reason) throws Exception;
}
