package dev.patterns.queueworker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patterns.local.LocalSession;
import dev.patterns.local.sources.PollResult;
import dev.patterns.testsupport.EmulatorExtension;
import dev.patterns.testsupport.Queues;
import dev.patterns.testsupport.TemplateParameters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The redrive the tests observe is the template's: a different maxReceiveCount, a different count of receives. */
@ExtendWith(EmulatorExtension.class)
@TemplateParameters("WorkQueueMaxReceiveCount=2")
class MaxReceiveCountFollowsTheTemplateTest {

    @Test
    void poisonMessageIsDeadLetteredAfterTheTemplatesMaxReceiveCount(LocalSession session) {
        SqsClient sqs = session.clients().create(SqsClient.builder());
        String poisonId = sqs.sendMessage(send -> send.queueUrl(session.stack().ref("WorkQueue"))
                .messageBody(QueueWorkerEndToEndTest.POISON)).messageId();

        List<PollResult> polls = session.sqsEventSource("QueueWorkerFunction").drain(20);

        assertThat(Queues.maxReceiveCount(session, "WorkQueue")).isEqualTo(2);
        assertThat(Queues.deliveries(polls)).containsExactlyEntriesOf(java.util.Map.of(poisonId, 2));
        assertThat(Queues.drain(sqs, session.stack().ref("WorkDeadLetterQueue")))
                .singleElement().satisfies(message -> assertThat(message.messageId()).isEqualTo(poisonId));
    }
}
