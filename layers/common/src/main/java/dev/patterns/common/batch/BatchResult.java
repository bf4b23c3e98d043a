package dev.patterns.common.batch;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import java.util.List;

/** The outcomes of one batch, in the order the records arrived. */
public record BatchResult(List<RecordOutcome> outcomes) {

    public BatchResult {
        outcomes = List.copyOf(outcomes);
    }

    /** The response Lambda expects with ReportBatchItemFailures: only what must come back. */
    public SQSBatchResponse toResponse() {
        return new SQSBatchResponse(outcomes.stream()
                .filter(RecordOutcome::returnsToQueue)
                .map(outcome -> new BatchItemFailure(outcome.messageId()))
                .toList());
    }

    public long count(Class<? extends RecordOutcome> kind) {
        return outcomes.stream().filter(kind::isInstance).count();
    }
}
