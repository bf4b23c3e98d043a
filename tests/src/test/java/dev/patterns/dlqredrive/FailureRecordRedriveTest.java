package dev.patterns.dlqredrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.local.LocalSession;
import dev.patterns.local.demo.TableOutage;
import dev.patterns.common.idempotency.DynamoDbIdempotencyStore;
import dev.patterns.common.idempotency.Idempotency;
import dev.patterns.local.emulator.AwsClientFactory;
import dev.patterns.local.emulator.Emulator;
import dev.patterns.local.runtime.InvocationResult;
import dev.patterns.local.sources.AsyncOutcome;
import dev.patterns.local.template.Json;
import dev.patterns.testsupport.EmulatorExtension;
import dev.patterns.testsupport.Events;
import dev.patterns.testsupport.Queues;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Pattern 3's redrive path: an event whose asynchronous invocation ran out of retries waits in the
 * on-failure queue as Lambda's destination record; the built redrive function invokes the
 * function it names again, asynchronously, through the real Lambda Invoke call (served locally),
 * and the event then does its work once.
 */
@ExtendWith(EmulatorExtension.class)
class FailureRecordRedriveTest {

    private static final Duration ASYNC_WAIT = Duration.ofMinutes(2);

    @Test
    void notificationThatFailedDuringAnOutageIsStoredOnceWhenItsFailureRecordIsRedriven(LocalSession session) throws Exception {
        DynamoDbClient dynamoDb = session.clients().create(DynamoDbClient.builder());
        String table = session.stack().ref("NotificationsTable");
        TableOutage outage = TableOutage.begin(dynamoDb, table); // every attempt fails with ResourceNotFound
        String message = "{\"notificationId\":\"n-outage\",\"severity\":\"CRITICAL\",\"text\":\"disk full\"}";
        session.clients().create(SnsClient.builder()).publish(publish -> publish.topicArn(session.stack().ref("NotificationsTopic")).message(message));

        List<AsyncOutcome> failed = session.asyncEventSource("TopicSubscriberFunction", "Notifications").deliverPending();
        assertThat(failed).singleElement().satisfies(outcome -> {
            assertThat(outcome.attempts()).hasSize(3);
            assertThat(outcome.condition()).isEqualTo("RetriesExhausted");
        });

        outage.end();
        JsonNode report = redrive(session, Events.json("dlq-redrive/reinvoke-failed-notifications.json"));

        assertThat(report.path("moved").asInt()).isEqualTo(1);
        assertThat(report.has("sourceQueueUrl")).isFalse();
        JsonNode moved = report.path("messages").get(0);
        assertThat(moved.path("destination").asText()).endsWith(":function:" + session.stack().ref("TopicSubscriberFunction") + ":$LATEST");
        assertThat(moved.path("invocationRequestId").asText()).isNotBlank();
        assertThat(session.invokeApi().awaitAccepted(ASYNC_WAIT)).singleElement().satisfies(outcome -> {
            assertThat(outcome.succeeded()).isTrue();
            assertThat(outcome.attempts()).hasSize(1);
        });
        assertThat(dynamoDb.getItem(get -> get.tableName(table).key(Map.of("notificationId", AttributeValue.fromS("n-outage")))).item())
                .containsEntry("severity", AttributeValue.fromS("CRITICAL"));
        assertThat(Queues.drain(session.clients().create(SqsClient.builder()), session.stack().ref("SubscriberFailureQueue"))).isEmpty();
        assertThat(redrive(session, "{\"deadLetterQueue\":\"" + session.stack().ref("SubscriberFailureQueue") + "\"}").path("moved").asInt())
                .isZero();
    }

    @Test
    void dryRunNamesEachRecordsFunctionAndWhatCannotBeRedrivenStaysInTheQueueWithItsReason(LocalSession session) throws Exception {
        SqsClient sqs = session.clients().create(SqsClient.builder());
        String failures = session.stack().ref("SubscriberFailureQueue");
        String functionArn = "arn:aws:lambda:" + Emulator.REGION + ":" + Emulator.ACCOUNT_ID + ":function:" + session.stack().ref("TopicSubscriberFunction") + ":$LATEST";
        String record = "{\"version\":\"1.0\",\"requestContext\":{\"functionArn\":\"" + functionArn + "\",\"condition\":\"RetriesExhausted\","
                + "\"approximateInvokeCount\":3},\"requestPayload\":{\"Records\":[]}}";
        sqs.sendMessage(send -> send.queueUrl(failures).messageBody(record));
        sqs.sendMessage(send -> send.queueUrl(failures).messageBody("not a destination record"));
        String gone = record.replace(":function:" + session.stack().ref("TopicSubscriberFunction") + ":", ":function:deleted-since:");
        sqs.sendMessage(send -> send.queueUrl(failures).messageBody(gone));

        JsonNode dryRun = redrive(session, "{\"deadLetterQueue\":\"" + failures + "\",\"dryRun\":true}");
        JsonNode run = redrive(session, "{\"deadLetterQueue\":\"" + failures + "\",\"dryRun\":false}");

        assertThat(dryRun.path("wouldMove").asInt()).isEqualTo(2);
        assertThat(dryRun.path("skipped").asInt()).isEqualTo(1);
        assertThat(dryRun.path("messages").findValuesAsText("destination"))
                .containsExactlyInAnyOrder(functionArn, functionArn.replace(session.stack().ref("TopicSubscriberFunction"), "deleted-since"));
        assertThat(run.path("moved").asInt()).isEqualTo(1);
        assertThat(run.path("skipped").asInt()).isEqualTo(2);
        assertThat(run.path("messages").findValuesAsText("skipped")).satisfiesExactlyInAnyOrder(
                reason -> assertThat(reason).contains("not a Lambda destination record"),
                reason -> assertThat(reason).startsWith("failed: ").contains("Function not found"));
        assertThat(session.invokeApi().awaitAccepted(ASYNC_WAIT)).singleElement()
                .satisfies(outcome -> assertThat(outcome.succeeded()).isTrue());
        assertThat(Queues.drain(sqs, failures)).extracting(Message::body).containsExactlyInAnyOrder("not a destination record", gone);
    }

    /** The run dies after re-invoking the second record but before deleting it; the rerun re-invokes only what is left. */
    @Test
    void redriveOfFailureRecordsInterruptedHalfWayAndRunAgainInvokesEachEventExactlyOnce(LocalSession session) throws Exception {
        SqsClient sqs = session.clients().create(SqsClient.builder());
        String failures = session.stack().ref("SubscriberFailureQueue");
        String functionArn = "arn:aws:lambda:" + Emulator.REGION + ":" + Emulator.ACCOUNT_ID + ":function:"
                + session.stack().ref("TopicSubscriberFunction") + ":$LATEST";
        List<String> ids = List.of("n-again-1", "n-again-2", "n-again-3");
        for (String id : ids) {
            String event = Events.json("topic-subscriber/single.json").replace("n-1001", id);
            sqs.sendMessage(send -> send.queueUrl(failures).messageBody("{\"version\":\"1.0\",\"requestContext\":{\"functionArn\":\""
                    + functionArn + "\",\"condition\":\"RetriesExhausted\",\"approximateInvokeCount\":3},\"requestPayload\":" + event + "}"));
        }
        Idempotency idempotency = new Idempotency(new DynamoDbIdempotencyStore(session.clients().create(DynamoDbClient.builder()),
                session.stack().ref("IdempotencyTable")), Duration.ofHours(1), Clock.systemUTC());
        // The real Lambda Invoke call, to the local mode's Invoke API.
        Supplier<LambdaClient> lambda = () -> new AwsClientFactory(session.invokeApi().endpoint()).create(LambdaClient.builder());
        Redriver interrupted = new Redriver(new DeleteFailingSqsClient(sqs, 2), idempotency, lambda);

        assertThatThrownBy(() -> interrupted.redrive(new RedriveRequest(failures, null, 100, false, 1), Duration.ofMinutes(5)))
                .hasMessageContaining("process killed");
        Thread.sleep(1500); // the interrupted run's 1 s visibility timeout
        RedriveReport rerun = new Redriver(sqs, idempotency, lambda).redrive(new RedriveRequest(failures, null, 100, false), Duration.ofMinutes(5));

        assertThat(rerun.alreadyMoved()).isEqualTo(1);
        assertThat(rerun.moved()).isEqualTo(1);
        List<AsyncOutcome> invocations = session.invokeApi().awaitAccepted(ASYNC_WAIT);
        assertThat(invocations).hasSize(3).allMatch(AsyncOutcome::succeeded);
        DynamoDbClient dynamoDb = session.clients().create(DynamoDbClient.builder());
        for (String id : ids) {
            assertThat(dynamoDb.getItem(get -> get.tableName(session.stack().ref("NotificationsTable"))
                    .key(Map.of("notificationId", AttributeValue.fromS(id)))).item()).as(id).isNotEmpty();
        }
        assertThat(Queues.drain(sqs, failures)).isEmpty();
    }

    private static JsonNode redrive(LocalSession session, String request) throws Exception {
        InvocationResult result = session.lambda().invoke("DlqRedriveFunction", request);
        assertThat(result.succeeded()).as(result.payload()).isTrue();
        return Json.MAPPER.readTree(result.payload());
    }
}
