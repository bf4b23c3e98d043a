package dev.patterns.common.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqsBatchProcessorTest {

    private final List<String> ran = new ArrayList<>();

    @Test
    void unorderedBatchReturnsOnlyTheFailedRecordsAndRunsTheRest() {
        SqsBatchProcessor processor = SqsBatchProcessor.unordered(failing(Set.of("b", "d")));

        BatchResult result = processor.process(event(message("a", null), message("b", null), message("c", null), message("d", null)), null);

        assertThat(ran).containsExactly("a", "b", "c", "d");
        assertThat(result.toResponse().getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier).containsExactly("b", "d");
        assertThat(result.outcomes()).filteredOn(RecordOutcome.Failed.class::isInstance)
                .extracting(outcome -> ((RecordOutcome.Failed) outcome).reason()).containsOnly("boom");
    }

    @Test
    void emptyOrMissingRecordsSucceedWithNoFailures() {
        SQSEvent empty = new SQSEvent();

        assertThat(SqsBatchProcessor.unordered(failing(Set.of())).process(empty, null).toResponse().getBatchItemFailures()).isEmpty();
    }

    @Test
    void perGroupStopsOnlyTheFailedGroupAndKeepsItsOrder() {
        SqsBatchProcessor processor = SqsBatchProcessor.perMessageGroup(failing(Set.of("g1-2")));

        BatchResult result = processor.process(event(
                message("g1-1", "g1"), message("g2-1", "g2"), message("g1-2", "g1"), message("g2-2", "g2"),
                message("g1-3", "g1"), message("g2-3", "g2")), null);

        assertThat(ran).containsExactly("g1-1", "g2-1", "g1-2", "g2-2", "g2-3");
        assertThat(result.toResponse().getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly("g1-2", "g1-3");
        assertThat(result.outcomes().get(4)).isEqualTo(new RecordOutcome.NotAttempted("g1-3", "g1", "g1-2"));
    }

    @Test
    void failedGroupsDoNotOutliveTheInvocation() {
        SqsBatchProcessor processor = SqsBatchProcessor.perMessageGroup(failing(Set.of("g1-1")));
        processor.process(event(message("g1-1", "g1")), null);

        BatchResult next = processor.process(event(message("g1-2", "g1")), null);

        assertThat(next.toResponse().getBatchItemFailures()).isEmpty();
        assertThat(ran).containsExactly("g1-1", "g1-2");
    }

    @Test
    void errorPropagatesSoLambdaReturnsTheWholeBatch() {
        SqsBatchProcessor processor = SqsBatchProcessor.unordered((message, context) -> {
            ran.add(message.getMessageId());
            if (message.getMessageId().equals("b")) {
                throw new StackOverflowError();
            }
        });

        assertThatThrownBy(() -> processor.process(event(message("a", null), message("b", null), message("c", null)), null))
                .isInstanceOf(StackOverflowError.class);
        assertThat(ran).containsExactly("a", "b");
    }

    @Test
    void permanentFailureIsDeadLetteredAndItsGroupCarriesOn() {
        List<String> routed = new ArrayList<>();
        SqsBatchProcessor processor = SqsBatchProcessor.perMessageGroup((message, context) -> {
            ran.add(message.getMessageId());
            if (message.getMessageId().equals("g1-2")) {
                throw new PermanentFailureException("unknown type");
            }
        }).withDeadLetterRouting((message, reason) -> routed.add(message.getMessageId() + ": " + reason));

        BatchResult result = processor.process(event(message("g1-1", "g1"), message("g1-2", "g1"), message("g1-3", "g1")), null);

        assertThat(routed).containsExactly("g1-2: unknown type");
        assertThat(ran).containsExactly("g1-1", "g1-2", "g1-3");
        assertThat(result.toResponse().getBatchItemFailures()).isEmpty();
    }

    @Test
    void transientFailureOnTheLastAllowedReceiveIsDeadLetteredSoItsGroupProceeds() {
        List<String> routed = new ArrayList<>();
        SqsBatchProcessor processor = SqsBatchProcessor.perMessageGroup(failing(Set.of("g1-1")))
                .withDeadLetterRouting((message, reason) -> routed.add(reason))
                .deadLetteringOnLastReceive(3);
        SQSMessage early = message("g1-1", "g1");
        early.setAttributes(Map.of("MessageGroupId", "g1", "ApproximateReceiveCount", "2"));

        BatchResult second = processor.process(event(early, message("g1-2", "g1")), null);
        early.setAttributes(Map.of("MessageGroupId", "g1", "ApproximateReceiveCount", "3"));
        BatchResult third = processor.process(event(early, message("g1-2", "g1")), null);

        assertThat(second.toResponse().getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier).containsExactly("g1-1", "g1-2");
        assertThat(third.toResponse().getBatchItemFailures()).isEmpty();
        assertThat(routed).containsExactly("Failed on receive 3 of maxReceiveCount 3: boom");
        assertThat(ran).containsExactly("g1-1", "g1-1", "g1-2");
    }

    @Test
    void failedDeadLetterMoveLeavesTheRecordOnTheNormalPath() {
        SqsBatchProcessor processor = SqsBatchProcessor.unordered((message, context) -> {
            throw new PermanentFailureException("bad schema");
        }).withDeadLetterRouting((message, reason) -> {
            throw new IllegalStateException("DLQ unreachable");
        });

        BatchResult result = processor.process(event(message("a", null)), null);

        assertThat(result.toResponse().getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier).containsExactly("a");
    }

    private RecordHandler failing(Set<String> ids) {
        return (message, context) -> {
            ran.add(message.getMessageId());
            if (ids.contains(message.getMessageId())) {
                throw new IllegalArgumentException("boom");
            }
        };
    }

    private static SQSEvent event(SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    private static SQSMessage message(String id, String group) {
        SQSMessage message = new SQSMessage();
        message.setMessageId(id);
        message.setBody("{}");
        message.setAttributes(group == null ? Map.of() : Map.of("MessageGroupId", group));
        return message;
    }
}
