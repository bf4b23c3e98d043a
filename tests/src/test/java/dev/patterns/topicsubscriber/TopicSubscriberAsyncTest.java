package dev.patterns.topicsubscriber;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.local.LocalSession;
import dev.patterns.local.runtime.InvocationResult;
import dev.patterns.local.sources.AsyncInvoker;
import dev.patterns.local.sources.AsyncOutcome;
import dev.patterns.local.template.Json;
import dev.patterns.testsupport.EmulatorExtension;
import dev.patterns.testsupport.Events;
import dev.patterns.testsupport.Queues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Pattern 3 end to end: published to the template's topic, delivered by the emulator, invoked
 * asynchronously (the built function in its own JVM) with the template's EventInvokeConfig.
 */
@ExtendWith(EmulatorExtension.class)
class TopicSubscriberAsyncTest {

    @Test
    void failingNotificationEndsInTheFailureQueueAfterExactlyThreeAttemptsShapedLikeLambdasRecord(LocalSession session) throws Exception {
        String message = "{\"notificationId\":\"n-bad\",\"severity\":\"APOCALYPTIC\",\"text\":\"?\"}";
        publish(session, message);

        List<AsyncOutcome> outcomes = session.asyncEventSource("TopicSubscriberFunction", "Notifications").deliverPending();

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.attempts()).hasSize(3).noneMatch(InvocationResult::succeeded);
            assertThat(outcome.condition()).isEqualTo("RetriesExhausted");
        });
        List<Message> failed = Queues.drain(session.clients().create(SqsClient.builder()), session.stack().ref("SubscriberFailureQueue"));
        assertThat(failed).hasSize(1);
        JsonNode record = Json.MAPPER.readTree(failed.getFirst().body());
        assertThat(record.path("version").asText()).isEqualTo("1.0");
        assertThat(record.path("requestContext").path("condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(record.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(record.path("requestContext").path("functionArn").asText()).endsWith(":function:patterns-topic-subscriber:$LATEST");
        assertThat(record.path("requestPayload").path("Records").get(0).path("Sns").path("Message").asText()).isEqualTo(message);
        assertThat(record.path("responseContext").path("functionError").asText()).isEqualTo("Unhandled");
        assertThat(record.path("responsePayload").path("errorType").asText()).isEqualTo(InvalidNotificationException.class.getName());
        assertThat(stored(session, "n-bad")).isEmpty();
    }

    @Test
    void passingNotificationIsStoredOnceAndNothingReachesTheFailureQueue(LocalSession session) {
        publish(session, "{\"notificationId\":\"n-good\",\"severity\":\"WARNING\",\"text\":\"queue depth rising\"}");

        List<AsyncOutcome> outcomes = session.asyncEventSource("TopicSubscriberFunction", "Notifications").deliverPending();

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.attempts()).hasSize(1);
            assertThat(outcome.sentTo()).isNull();
        });
        assertThat(stored(session, "n-good")).containsEntry("severity", AttributeValue.fromS("WARNING"));
        assertThat(Queues.drain(session.clients().create(SqsClient.builder()), session.stack().ref("SubscriberFailureQueue"))).isEmpty();
    }

    @Test
    void eventOlderThanMaximumEventAgeGoesToTheFailureQueueWithoutFurtherAttempts(LocalSession session) throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        AsyncInvoker invoker = new AsyncInvoker(session.stack(), (function, event) -> {
            attempts.incrementAndGet();
            return new InvocationResult.FunctionError("r-" + attempts.get(), "E", "down", "{\"errorMessage\":\"down\"}");
        }, session.clients().create(SqsClient.builder()), session.clients().create(SnsClient.builder()), Clock.fixed(now, java.time.ZoneOffset.UTC));
        Duration maxAge = Duration.ofSeconds(Long.parseLong(session.stack().parameter("NotificationMaxEventAgeSeconds")));

        AsyncOutcome outcome = invoker.invoke("TopicSubscriberFunction", Events.json("topic-subscriber/single.json"), now.minus(maxAge).minusSeconds(1));

        assertThat(attempts).hasValue(0);
        assertThat(outcome.condition()).isEqualTo("EventAgeExceeded");
        List<Message> failed = Queues.drain(session.clients().create(SqsClient.builder()), session.stack().ref("SubscriberFailureQueue"));
        assertThat(Json.MAPPER.readTree(failed.getFirst().body()).path("requestContext").path("condition").asText()).isEqualTo("EventAgeExceeded");
    }

    private static void publish(LocalSession session, String message) {
        session.clients().create(SnsClient.builder()).publish(publish -> publish.topicArn(session.stack().ref("NotificationsTopic")).message(message));
    }

    private static Map<String, AttributeValue> stored(LocalSession session, String notificationId) {
        return session.clients().create(DynamoDbClient.builder()).getItem(get -> get.tableName(session.stack().ref("NotificationsTable"))
                .key(Map.of("notificationId", AttributeValue.fromS(notificationId)))).item();
    }
}
