package dev.patterns.local.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patterns.local.LocalSession;
import dev.patterns.local.runtime.InvocationResult;
import dev.patterns.testsupport.EmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The local event source reads a function's answer exactly as Lambda does with
 * ReportBatchItemFailures. The function is a stand-in answering canned responses; the queue,
 * receives, deletes and visibility changes are the emulator's.
 */
@ExtendWith(EmulatorExtension.class)
class SqsEventSourceSemanticsTest {

    private final LocalSession session;
    private final SqsClient sqs;
    private final SqsEventMapping mapping;
    private final List<String> sent = new ArrayList<>();

    SqsEventSourceSemanticsTest(LocalSession session) {
        this.session = session;
        this.sqs = session.clients().create(SqsClient.builder());
        this.mapping = SqsEventMapping.of(session.stack(), "QueueWorkerFunction");
    }

    @BeforeEach
    void threeMessagesWaiting() {
        // PurgeQueue is limited to once a minute (the emulator enforces it too): delete what is left instead.
        for (var left = receive(); !left.isEmpty(); left = receive()) {
            left.forEach(message -> sqs.deleteMessage(delete -> delete.queueUrl(mapping.queueUrl()).receiptHandle(message.receiptHandle())));
        }
        for (int i = 0; i < 3; i++) {
            int n = i;
            sent.add(sqs.sendMessage(send -> send.queueUrl(mapping.queueUrl()).messageBody("m" + n)).messageId());
        }
    }

    @Test
    void mappingComesFromTheTemplatesSqsEvent() {
        assertThat(mapping.batchSize()).isEqualTo(10);
        assertThat(mapping.reportBatchItemFailures()).isTrue();
        assertThat(mapping.queueUrl()).isEqualTo(session.stack().ref("WorkQueue"));
    }

    @Test
    void eventCarriesEveryMessageShapedLikeLambdas() {
        AtomicReference<String> event = new AtomicReference<>();
        poll(json -> {
            event.set(json);
            return success("{\"batchItemFailures\":[]}");
        });

        assertThat(event.get()).contains("\"eventSource\":\"aws:sqs\"", "\"eventSourceARN\":\"" + mapping.queueArn() + "\"",
                "\"ApproximateReceiveCount\":\"1\"", "\"md5OfBody\"", "\"receiptHandle\"");
        assertThat(sent).allSatisfy(id -> assertThat(event.get()).contains("\"messageId\":\"" + id + "\""));
    }

    @Test
    void emptyFailureListDeletesTheWholeBatch() {
        PollResult poll = poll(json -> success("{\"batchItemFailures\":[]}"));

        assertThat(poll.deletedIds()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(queueDepth()).isZero();
    }

    @Test
    void nullResponseDeletesTheWholeBatch() {
        PollResult poll = poll(json -> success("null"));

        assertThat(poll.deletedIds()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(queueDepth()).isZero();
    }

    @Test
    void listedFailuresAloneComeBack() {
        PollResult poll = poll(json -> success("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + sent.get(1) + "\"}]}"));

        assertThat(poll.returnedIds()).containsExactly(sent.get(1));
        assertThat(poll.deletedIds()).containsExactlyInAnyOrder(sent.get(0), sent.get(2));
        assertThat(queueDepth()).isEqualTo(1);
    }

    @Test
    void unknownItemIdentifierFailsTheWholeBatch() {
        PollResult poll = poll(json -> success("{\"batchItemFailures\":[{\"itemIdentifier\":\"not-in-this-batch\"}]}"));

        assertThat(poll.returnedIds()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(poll.deletedIds()).isEmpty();
        assertThat(queueDepth()).isEqualTo(3);
    }

    @Test
    void emptyItemIdentifierFailsTheWholeBatch() {
        PollResult poll = poll(json -> success("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}"));

        assertThat(poll.returnedIds()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(queueDepth()).isEqualTo(3);
    }

    @Test
    void responseThatIsNotJsonFailsTheWholeBatch() {
        PollResult poll = poll(json -> success("<html>"));

        assertThat(poll.returnedIds()).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void thrownExceptionReturnsTheWholeBatch() {
        PollResult poll = poll(json -> new InvocationResult.FunctionError("r", "java.lang.IllegalStateException", "boom", "{}"));

        assertThat(poll.returnedIds()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(poll.deletedIds()).isEmpty();
        assertThat(queueDepth()).isEqualTo(3);
    }

    @Test
    void timeoutReturnsTheWholeBatch() {
        PollResult poll = poll(json -> new InvocationResult.TimedOut("r", Duration.ofSeconds(30)));

        assertThat(poll.returnedIds()).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void returnedMessagesAreDeliveredAgainWithAHigherReceiveCount() {
        poll(json -> new InvocationResult.FunctionError("r", "E", "boom", "{}"));
        AtomicReference<String> second = new AtomicReference<>();

        poll(json -> {
            second.set(json);
            return success("null");
        });

        assertThat(second.get()).contains("\"ApproximateReceiveCount\":\"2\"");
        assertThat(queueDepth()).isZero();
    }

    private List<software.amazon.awssdk.services.sqs.model.Message> receive() {
        return sqs.receiveMessage(receive -> receive.queueUrl(mapping.queueUrl()).maxNumberOfMessages(10).visibilityTimeout(0)).messages();
    }

    private PollResult poll(Function<String, InvocationResult> function) {
        return new SqsEventSource(sqs, mapping, (logicalId, event) -> function.apply(event)).pollOnce();
    }

    private static InvocationResult success(String payload) {
        return new InvocationResult.Success("r", payload, Duration.ZERO);
    }

    private int queueDepth() {
        return sqs.getQueueAttributes(get -> get.queueUrl(mapping.queueUrl()).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().values().stream().mapToInt(Integer::parseInt).sum();
    }
}
