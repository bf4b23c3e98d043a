package dev.patterns.dlqredrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.common.idempotency.DynamoDbIdempotencyStore;
import dev.patterns.common.idempotency.Idempotency;
import dev.patterns.local.LocalSession;
import dev.patterns.local.runtime.InvocationResult;
import dev.patterns.local.template.Json;
import dev.patterns.testsupport.EmulatorExtension;
import dev.patterns.testsupport.Events;
import dev.patterns.testsupport.Queues;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The redrive against the template's queues in the emulator: nothing lost, nothing duplicated. */
@ExtendWith(EmulatorExtension.class)
class DlqRedriveIntegrationTest {

    private static final Duration TIME_LEFT = Duration.ofMinutes(5);

    private final LocalSession session;
    private final SqsClient sqs;
    private final Idempotency idempotency;

    DlqRedriveIntegrationTest(LocalSession session) {
        this.session = session;
        this.sqs = session.clients().create(SqsClient.builder());
        this.idempotency = new Idempotency(new DynamoDbIdempotencyStore(session.clients().create(DynamoDbClient.builder()),
                session.stack().ref("IdempotencyTable")), Duration.ofHours(1), Clock.systemUTC());
    }

    @BeforeEach
    void emptyQueues() {
        for (String queue : List.of("WorkQueue", "WorkDeadLetterQueue", "OrderedQueue", "OrderedDeadLetterQueue")) {
            Queues.drain(sqs, session.stack().ref(queue));
        }
    }

    @Test
    void standardRedriveMovesEveryMessageOnceToTheDerivedSourceAndEmptiesTheDlq() {
        List<String> bodies = deadLetters("WorkDeadLetterQueue", 12);

        RedriveReport report = new Redriver(sqs, idempotency).redrive(new RedriveRequest("patterns-work-dlq", null, 100, false), TIME_LEFT);

        assertThat(report.sourceQueueUrl()).isEqualTo(session.stack().ref("WorkQueue"));
        assertThat(report.moved()).isEqualTo(12);
        assertThat(report.remaining()).isZero();
        List<Message> back = Queues.drain(sqs, session.stack().ref("WorkQueue"));
        assertThat(back).extracting(Message::body).containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(back).allSatisfy(message -> {
            assertThat(message.messageAttributes()).containsKey("origin").doesNotContainKey("DeadLetterReason");
        });
        assertThat(Queues.drain(sqs, session.stack().ref("WorkDeadLetterQueue"))).isEmpty();
    }

    @Test
    void fifoRedriveKeepsEachGroupInOrderWithAFreshDeduplicationId() {
        String dlq = session.stack().ref("OrderedDeadLetterQueue");
        List<String> originalDedupIds = new ArrayList<>();
        for (int sequence = 1; sequence <= 4; sequence++) {
            for (String order : List.of("o-a", "o-b")) {
                String body = "{\"orderId\":\"" + order + "\",\"sequence\":" + sequence + ",\"type\":\"PAID\"}";
                String dedup = order + "-" + sequence;
                originalDedupIds.add(dedup);
                sqs.sendMessage(send -> send.queueUrl(dlq).messageGroupId(order).messageDeduplicationId(dedup).messageBody(body));
            }
        }

        RedriveReport report = new Redriver(sqs, idempotency).redrive(new RedriveRequest(dlq, null, 100, false), TIME_LEFT);

        assertThat(report.moved()).isEqualTo(8);
        List<Message> back = Queues.drain(sqs, session.stack().ref("OrderedQueue"));
        for (String order : List.of("o-a", "o-b")) {
            assertThat(back.stream().filter(message -> order.equals(message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)))
                    .map(message -> sequence(message.body())).toList()).as(order).containsExactly(1, 2, 3, 4);
        }
        assertThat(back).extracting(message -> message.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                .allSatisfy(id -> assertThat(id).startsWith("redrive-"))
                .doesNotContainAnyElementsOf(originalDedupIds);
    }

    @Test
    void maxMessagesLimitsTheMove() {
        deadLetters("WorkDeadLetterQueue", 7);

        RedriveReport report = new Redriver(sqs, idempotency).redrive(new RedriveRequest("patterns-work-dlq", "patterns-work", 3, false), TIME_LEFT);

        assertThat(report.moved()).isEqualTo(3);
        assertThat(report.remaining()).isEqualTo(4);
        assertThat(Queues.drain(sqs, session.stack().ref("WorkQueue"))).hasSize(3);
    }

    @Test
    void dryRunListsWhatWouldMoveAndLeavesTheDlqIntactAndVisible() {
        List<String> bodies = deadLetters("WorkDeadLetterQueue", 4);

        RedriveReport report = new Redriver(sqs, idempotency).redrive(new RedriveRequest("patterns-work-dlq", null, 100, true), TIME_LEFT);

        assertThat(report.entries()).extracting(RedriveReport.Entry::bodyPreview).containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(report.moved()).isZero();
        assertThat(Queues.drain(sqs, session.stack().ref("WorkQueue"))).isEmpty();
        assertThat(Queues.drain(sqs, session.stack().ref("WorkDeadLetterQueue"))).extracting(Message::body)
                .containsExactlyInAnyOrderElementsOf(bodies);
    }

    @Test
    void moveInterruptedHalfWayAndRunAgainDeliversEachMessageExactlyOnce() throws InterruptedException {
        List<String> bodies = deadLetters("WorkDeadLetterQueue", 6);
        Redriver interrupted = new Redriver(new DeleteFailingSqsClient(sqs, 3), idempotency);

        assertThatThrownBy(() -> interrupted.redrive(new RedriveRequest("patterns-work-dlq", null, 100, false, 1), TIME_LEFT))
                .hasMessageContaining("process killed");
        // What the interrupted run had received reappears when its 1 s visibility timeout runs out.
        Thread.sleep(1500);
        RedriveReport rerun = new Redriver(sqs, idempotency).redrive(new RedriveRequest("patterns-work-dlq", null, 100, false), TIME_LEFT);

        assertThat(rerun.alreadyMoved()).isEqualTo(1);
        assertThat(Queues.drain(sqs, session.stack().ref("WorkQueue"))).extracting(Message::body)
                .containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(Queues.drain(sqs, session.stack().ref("WorkDeadLetterQueue"))).isEmpty();
    }

    @Test
    void builtFunctionRedrivesByQueueName() throws Exception {
        deadLetters("WorkDeadLetterQueue", 2);

        InvocationResult dryRun = session.lambda().invoke("DlqRedriveFunction", Events.json("dlq-redrive/single.json"));
        InvocationResult move = session.lambda().invoke("DlqRedriveFunction", Events.json("dlq-redrive/redrive-work-dlq.json"));

        assertThat(dryRun.succeeded()).as(dryRun.payload()).isTrue();
        assertThat(Json.MAPPER.readTree(dryRun.payload()).path("wouldMove").asInt()).isEqualTo(2);
        JsonNode report = Json.MAPPER.readTree(move.payload());
        assertThat(report.path("moved").asInt()).isEqualTo(2);
        assertThat(report.path("remainingInDeadLetterQueue").asInt()).isZero();
        assertThat(Queues.drain(sqs, session.stack().ref("WorkQueue"))).hasSize(2);
    }

    private List<String> deadLetters(String queue, int count) {
        List<String> bodies = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String body = "{\"postingId\":\"p-dead-" + i + "\",\"account\":\"acc\",\"amountCents\":\"x\"}";
            bodies.add(body);
            sqs.sendMessage(send -> send.queueUrl(session.stack().ref(queue)).messageBody(body).messageAttributes(Map.of(
                    "origin", MessageAttributeValue.builder().dataType("String").stringValue("test").build(),
                    "DeadLetterReason", MessageAttributeValue.builder().dataType("String").stringValue("bad schema").build())));
        }
        return bodies;
    }

    private static int sequence(String body) {
        try {
            return Json.MAPPER.readTree(body).path("sequence").asInt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
