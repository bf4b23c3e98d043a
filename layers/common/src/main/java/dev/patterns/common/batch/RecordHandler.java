package dev.patterns.common.batch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;

/** The per-message work of an SQS consumer. Throwing any exception fails only this message. */
@FunctionalInterface
public interface RecordHandler {

    void handle(SQSMessage message, Context context) throws Exception;
}
