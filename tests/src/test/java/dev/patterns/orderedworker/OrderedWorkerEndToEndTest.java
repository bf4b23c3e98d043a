package dev.patterns.orderedworker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patterns.common.batch.SqsDeadLetterRouter;
import dev.patterns.local.LocalSession;
import dev.patterns.local.sources.PollResult;
import dev.patterns.testsupport.EmulatorExtension;
import dev.patterns.testsupport.Queues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Pattern 2 end to end: the built function in its own JVM, the template's FIFO queue and FIFO DLQ. */
@ExtendWith(EmulatorExtension.class)
class OrderedWorkerEndToEndTest {

    @Test
    void eventThatNeverBecomesDueMovesToTheFifoDlqAfterMaxReceiveCountAndItsOrderThenProceeds(LocalSession session) {
        SqsClient sqs = session.clients().create(SqsClient.builder());
        send(sqs, session, "o-held", "{\"orderId\":\"o-held\",\"sequence\":1,\"type\":\"CREATED\"}");
        String held = send(sqs, session, "o-held", "{\"orderId\":\"o-held\",\"sequence\":2,\"type\":\"SHIPPED\",\"notBefore\":\"2099-01-01T00:00:00Z\"}");
        send(sqs, session, "o-held", "{\"orderId\":\"o-held\",\"sequence\":3,\"type\":\"DELIVERED\"}");

        List<PollResult> polls = session.sqsEventSource("OrderedWorkerFunction").drain(20);

        assertThat(Queues.deliveries(polls).get(held)).isEqualTo(Queues.maxReceiveCount(session, "OrderedQueue"));
        assertThat(Queues.deliveries(polls).values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(Queues.maxReceiveCount(session, "OrderedQueue")));
        int maxReceiveCount = Queues.maxReceiveCount(session, "OrderedQueue");
        assertThat(Queues.drain(sqs, session.stack().ref("OrderedDeadLetterQueue"))).singleElement().satisfies(message -> {
            assertThat(message.body()).contains("\"sequence\":2");
            assertThat(message.attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "o-held")
                    .containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, held);
            assertThat(message.messageAttributes().get(SqsDeadLetterRouter.REASON_ATTRIBUTE).stringValue())
                    .startsWith("Failed on receive " + maxReceiveCount + " of maxReceiveCount " + maxReceiveCount + ": Order o-held event 2 is not due");
        });
        assertThat(timeline(session, "o-held")).containsExactly("1:CREATED", "3:DELIVERED");
    }

    @Test
    void unknownEventTypeGoesToTheFifoDlqAtOnceWithItsReasonWhileItsOrderCarriesOnInOrder(LocalSession session) {
        SqsClient sqs = session.clients().create(SqsClient.builder());
        send(sqs, session, "o-odd", "{\"orderId\":\"o-odd\",\"sequence\":1,\"type\":\"CREATED\"}");
        String unknown = send(sqs, session, "o-odd", "{\"orderId\":\"o-odd\",\"sequence\":2,\"type\":\"TELEPORTED\"}");
        send(sqs, session, "o-odd", "{\"orderId\":\"o-odd\",\"sequence\":3,\"type\":\"PAID\"}");

        List<PollResult> polls = session.sqsEventSource("OrderedWorkerFunction").drain(20);

        assertThat(polls).hasSize(1);
        assertThat(Queues.deliveries(polls).get(unknown)).isEqualTo(1);
        assertThat(Queues.drain(sqs, session.stack().ref("OrderedDeadLetterQueue"))).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo("{\"orderId\":\"o-odd\",\"sequence\":2,\"type\":\"TELEPORTED\"}");
            assertThat(message.attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "o-odd");
            assertThat(message.messageAttributes().get(SqsDeadLetterRouter.REASON_ATTRIBUTE).stringValue())
                    .startsWith("Unknown event type 'TELEPORTED'");
        });
        assertThat(timeline(session, "o-odd")).containsExactly("1:CREATED", "3:PAID");
    }

    private static String send(SqsClient sqs, LocalSession session, String group, String body) {
        return sqs.sendMessage(send -> send.queueUrl(session.stack().ref("OrderedQueue")).messageGroupId(group).messageBody(body)).messageId();
    }

    private static List<String> timeline(LocalSession session, String orderId) {
        DynamoDbClient dynamoDb = session.clients().create(DynamoDbClient.builder());
        var item = dynamoDb.getItem(get -> get.tableName(session.stack().ref("OrderTimelineTable"))
                .key(Map.of("orderId", AttributeValue.fromS(orderId)))).item();
        return item.get("events").l().stream().map(AttributeValue::s).toList();
    }
}
