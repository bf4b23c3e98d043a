package dev.patterns.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.local.LocalSession;
import dev.patterns.local.emulator.AwsClientFactory;
import dev.patterns.local.runtime.InvocationResult;
import dev.patterns.local.template.Json;
import dev.patterns.testsupport.EmulatorExtension;
import dev.patterns.testsupport.Events;
import dev.patterns.testsupport.Queues;
import dev.patterns.testsupport.RecordingProxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Pattern 4: one publish, fanned out by the topic's subscriptions and filter policies from the template. */
@ExtendWith(EmulatorExtension.class)
class FanOutIntegrationTest {

    private static final List<String> QUEUES = List.of("BillingQueue", "ShippingQueue", "AnalyticsQueue");

    @BeforeEach
    void emptyQueues(LocalSession session) {
        received(session);
    }

    @Test
    void onePublishReachesEveryMatchingQueueAndNoOtherWithThePublisherSpeakingOnlyToSns(LocalSession session) throws Exception {
        try (RecordingProxy wire = new RecordingProxy(session.emulator().endpoint())) {
            OrderEventPublisher publisher = new OrderEventPublisher(new AwsClientFactory(wire.endpoint()).create(SnsClient.builder()),
                    session.stack().ref("OrderEventsTopic"));

            publisher.publish(Events.json("fan-out-publisher/single.json"));
            publisher.publish(Events.json("fan-out-publisher/order-picked-up.json"));
            publisher.publish(Events.json("fan-out-publisher/order-cancelled.json"));

            assertThat(wire.requests()).hasSize(3).allSatisfy(request -> {
                assertThat(RecordingProxy.service(request)).isEqualTo("sns");
                assertThat(RecordingProxy.operation(request)).isEqualTo("Publish");
            });
        }
        Map<String, List<String>> received = received(session);

        assertThat(received.get("BillingQueue")).containsExactlyInAnyOrder("OrderPlaced", "OrderCancelled");
        assertThat(received.get("ShippingQueue")).containsExactly("OrderPlaced");
        assertThat(received.get("AnalyticsQueue")).containsExactlyInAnyOrder("OrderPlaced", "OrderPickedUp", "OrderCancelled");
    }

    @Test
    void rawDeliveryHandsEachQueueThePublishedEventUnwrapped(LocalSession session) throws Exception {
        String event = Events.json("fan-out-publisher/single.json");
        new OrderEventPublisher(session.clients().create(SnsClient.builder()), session.stack().ref("OrderEventsTopic")).publish(event);

        List<Message> analytics = Queues.drain(session.clients().create(SqsClient.builder()), session.stack().ref("AnalyticsQueue"));

        assertThat(analytics).singleElement().satisfies(message -> {
            assertThat(Json.MAPPER.readTree(message.body())).isEqualTo(Json.MAPPER.readTree(event));
            assertThat(message.messageAttributes().get("eventType").stringValue()).isEqualTo("OrderPlaced");
        });
    }

    @Test
    void builtPublisherFunctionFansOutTheSampleEvent(LocalSession session) {
        InvocationResult result = session.lambda().invoke("FanOutPublisherFunction", Events.json("fan-out-publisher/single.json"));

        assertThat(result.succeeded()).as(result.payload()).isTrue();
        assertThat(received(session)).allSatisfy((queue, events) -> assertThat(events).as(queue).containsExactly("OrderPlaced"));
    }

    @Test
    void everyQueueHasItsOwnDlqAndAcceptsOnlyTheTopic(LocalSession session) throws Exception {
        SqsClient sqs = session.clients().create(SqsClient.builder());
        String topicArn = session.stack().ref("OrderEventsTopic");
        List<String> deadLetterTargets = new java.util.ArrayList<>();
        for (String queue : QUEUES) {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(get -> get.queueUrl(session.stack().ref(queue))
                    .attributeNames(QueueAttributeName.ALL)).attributes();
            deadLetterTargets.add(Json.MAPPER.readTree(attributes.get(QueueAttributeName.REDRIVE_POLICY)).path("deadLetterTargetArn").asText());
            JsonNode statement = Json.MAPPER.readTree(attributes.get(QueueAttributeName.POLICY)).path("Statement").get(0);
            assertThat(statement.path("Principal").path("Service").asText()).isEqualTo("sns.amazonaws.com");
            assertThat(statement.path("Action").asText()).isEqualTo("sqs:SendMessage");
            assertThat(statement.path("Condition").path("ArnEquals").path("aws:SourceArn").asText()).isEqualTo(topicArn);
        }
        assertThat(deadLetterTargets).doesNotHaveDuplicates().hasSize(3);
    }

    private static Map<String, List<String>> received(LocalSession session) {
        SqsClient sqs = session.clients().create(SqsClient.builder());
        Map<String, List<String>> received = new LinkedHashMap<>();
        for (String queue : QUEUES) {
            received.put(queue, Queues.drain(sqs, session.stack().ref(queue)).stream()
                    .map(message -> message.messageAttributes().get("eventType").stringValue()).toList());
        }
        return received;
    }
}
