package dev.patterns.queueworker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.local.LocalSession;
import dev.patterns.local.runtime.LogSink;
import dev.patterns.local.sources.PollResult;
import dev.patterns.local.template.Json;
import dev.patterns.testsupport.EmulatorExtension;
import dev.patterns.testsupport.Queues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Pattern 1 end to end: messages sent to the template's work queue, the local SQS event source
 * invoking the function built by `sam build` in its own JVM, redrive by the emulator itself.
 */
@ExtendWith(EmulatorExtension.class)
class QueueWorkerEndToEndTest {

    static final String POISON = "{\"postingId\":\"p-9\",\"account\":\"acc-zed\",\"amountCents\":\"nine\"}";

    @Test
    void poisonMessageReachesTheDlqAfterExactlyMaxReceiveCountReceivesAndNothingElseDoes(LocalSession session, LogSink.Collecting logs)
            throws Exception {
        SqsClient sqs = session.clients().create(SqsClient.builder());
        String queue = session.stack().ref("WorkQueue");
        String poisonId = sqs.sendMessage(send -> send.queueUrl(queue).messageBody(POISON)).messageId();
        for (int i = 1; i <= 3; i++) {
            String body = "{\"postingId\":\"p-e2e-" + i + "\",\"account\":\"acc-e2e\",\"amountCents\":" + i + "}";
            sqs.sendMessage(send -> send.queueUrl(queue).messageBody(body));
        }

        List<PollResult> polls = session.sqsEventSource("QueueWorkerFunction").drain(50);

        Map<String, Integer> deliveries = Queues.deliveries(polls);
        List<Message> deadLetters = Queues.drain(sqs, session.stack().ref("WorkDeadLetterQueue"));
        assertThat(deadLetters).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo(poisonId);
            assertThat(message.body()).isEqualTo(POISON);
        });
        assertThat(deliveries.get(poisonId)).isEqualTo(Queues.maxReceiveCount(session, "WorkQueue"));
        assertThat(deliveries).hasSize(4).allSatisfy((id, count) -> {
            if (!id.equals(poisonId)) {
                assertThat(count).as("deliveries of %s", id).isEqualTo(1);
            }
        });
        assertThat(logs.lines()).filteredOn(line -> line.contains("\"messageId\":\"" + poisonId + "\""))
                .anySatisfy(line -> {
                    JsonNode log = Json.MAPPER.readTree(line);
                    assertThat(log.path("level").asText()).isEqualTo("ERROR");
                    assertThat(log.path("message").asText()).contains("amountCents must be a whole number of cents");
                    assertThat(log.path("service").asText()).isEqualTo("queue-worker");
                });
    }
}
