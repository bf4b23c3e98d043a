package dev.patterns.common.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.patterns.local.LocalSession;
import dev.patterns.local.sources.PollResult;
import dev.patterns.local.sources.SqsEventMapping;
import dev.patterns.local.sources.SqsEventSource;
import dev.patterns.testsupport.EmulatorExtension;
import dev.patterns.testsupport.InProcessInvoker;
import dev.patterns.testsupport.Queues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Permanent-failure routing on a standard queue (the template's work queue and its DLQ): a
 * permanent failure is dead-lettered at once with its reason, a transient one keeps the normal
 * path of maxReceiveCount receives, and a failed move loses nothing.
 */
@ExtendWith(EmulatorExtension.class)
class PermanentFailureRoutingTest {

    private final LocalSession session;
    private final SqsClient sqs;

    PermanentFailureRoutingTest(LocalSession session) {
        this.session = session;
        this.sqs = session.clients().create(SqsClient.builder());
    }

    @Test
    void permanentFailureIsDeadLetteredAtOnceWithItsReasonAndTransientOneTakesTheNormalPath() {
        String dlq = session.stack().ref("WorkDeadLetterQueue");
        String permanent = send("bad-schema", Map.of("tenant", MessageAttributeValue.builder().dataType("String").stringValue("t-1").build()));
        String transientId = send("flaky", Map.of());
        String fine = send("fine", Map.of());

        List<PollResult> polls = source(SqsBatchProcessor.unordered(this::work).withDeadLetterRouting(new SqsDeadLetterRouter(sqs, dlq))).drain(20);

        Map<String, Integer> deliveries = Queues.deliveries(polls);
        assertThat(deliveries).containsEntry(permanent, 1).containsEntry(fine, 1).containsEntry(transientId, Queues.maxReceiveCount(session, "WorkQueue"));
        List<Message> deadLetters = Queues.drain(sqs, dlq);
        assertThat(deadLetters).hasSize(2);
        Message routed = deadLetters.stream().filter(message -> message.body().equals("bad-schema")).findFirst().orElseThrow();
        assertThat(routed.messageAttributes().get(SqsDeadLetterRouter.REASON_ATTRIBUTE).stringValue()).isEqualTo("schema version 9 is not supported");
        assertThat(routed.messageAttributes().get("tenant").stringValue()).isEqualTo("t-1");
        assertThat(deadLetters).anySatisfy(message -> {
            assertThat(message.messageId()).isEqualTo(transientId);
            assertThat(message.messageAttributes()).doesNotContainKey(SqsDeadLetterRouter.REASON_ATTRIBUTE);
        });
    }

    @Test
    void permanentFailureWhoseMoveFailsStaysOnTheNormalPathAndIsNotLost() {
        String queue = session.stack().ref("WorkQueue");
        String permanent = send("bad-schema", Map.of());
        String missingDlq = queue.substring(0, queue.lastIndexOf('/') + 1) + "no-such-queue";

        PollResult poll = source(SqsBatchProcessor.unordered(this::work).withDeadLetterRouting(new SqsDeadLetterRouter(sqs, missingDlq))).pollOnce();

        assertThat(poll.returnedIds()).containsExactly(permanent);
        assertThat(Queues.drain(sqs, queue)).extracting(Message::messageId).containsExactly(permanent);
    }

    private void work(SQSEvent.SQSMessage message, com.amazonaws.services.lambda.runtime.Context context) throws Exception {
        switch (message.getBody()) {
            case "bad-schema" -> throw new PermanentFailureException("schema version 9 is not supported");
            case "flaky" -> throw new IllegalStateException("downstream timed out");
            default -> { }
        }
    }

    private SqsEventSource source(SqsBatchProcessor processor) {
        return new SqsEventSource(sqs, SqsEventMapping.of(session.stack(), "QueueWorkerFunction"),
                new InProcessInvoker((SQSEvent event, com.amazonaws.services.lambda.runtime.Context context) -> {
                    SQSBatchResponse response = processor.process(event, context).toResponse();
                    return response;
                }));
    }

    private String send(String body, Map<String, MessageAttributeValue> attributes) {
        return sqs.sendMessage(send -> send.queueUrl(session.stack().ref("WorkQueue")).messageBody(body).messageAttributes(attributes)).messageId();
    }
}
