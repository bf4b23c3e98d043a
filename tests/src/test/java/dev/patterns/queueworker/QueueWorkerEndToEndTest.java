package dev.patterns.queueworker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.local.LocalSession;
import dev.patterns.local.runtime.LogSink;
import dev.patterns.local.sources.PollResult;
import dev.patterns.local.template.Json;
import dev.patterns.local.template.Maps;
import dev.patterns.testsupport.EmulatorExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

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

        Map<String, Integer> deliveries = deliveries(polls);
        List<Message> deadLetters = drainQueue(sqs, session.stack().ref("WorkDeadLetterQueue"));
        assertThat(deadLetters).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo(poisonId);
            assertThat(message.body()).isEqualTo(POISON);
        });
        assertThat(deliveries.get(poisonId)).isEqualTo(maxReceiveCountInTemplate(session));
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

    /** Read from the template, so changing maxReceiveCount there changes what this test expects. */
    static int maxReceiveCountInTemplate(LocalSession session) {
        Object redrivePolicy = session.stack().intrinsics().resolve(session.stack().template().properties("WorkQueue").get("RedrivePolicy"));
        return Integer.parseInt(Maps.string(Maps.map(redrivePolicy, "RedrivePolicy").get("maxReceiveCount"), "maxReceiveCount"));
    }

    static Map<String, Integer> deliveries(List<PollResult> polls) {
        Map<String, Integer> deliveries = new HashMap<>();
        polls.forEach(poll -> poll.receivedIds().forEach(id -> deliveries.merge(id, 1, Integer::sum)));
        return deliveries;
    }

    static List<Message> drainQueue(SqsClient sqs, String queueUrl) {
        List<Message> all = new ArrayList<>();
        for (List<Message> batch = receive(sqs, queueUrl); !batch.isEmpty(); batch = receive(sqs, queueUrl)) {
            all.addAll(batch);
        }
        return all;
    }

    private static List<Message> receive(SqsClient sqs, String queueUrl) {
        return sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }
}
