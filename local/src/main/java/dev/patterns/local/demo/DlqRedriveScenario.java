package dev.patterns.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.local.LocalSession;
import dev.patterns.local.runtime.InvocationResult;
import dev.patterns.local.sources.AsyncOutcome;
import dev.patterns.local.sources.QueueDrain;
import dev.patterns.local.template.Json;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * DLQ redrive: dead letters waiting in the billing queue's DLQ are listed by a dry run, moved back
 * by the built redrive function, and a second run finds nothing left to move. Then pattern 3's
 * redrive path: a notification that failed during a table outage is invoked again from its
 * failure record once the table is back.
 */
public final class DlqRedriveScenario implements Scenario {

    private static final int DEAD_LETTERS = 3;

    @Override
    public ScenarioReport run(LocalSession session) throws Exception {
        ScenarioReport report = new ScenarioReport("DLQ redrive: BillingDeadLetterQueue -> DlqRedriveFunction -> BillingQueue; SubscriberFailureQueue -> TopicSubscriberFunction");
        SqsClient sqs = session.clients().create(SqsClient.builder());
        String dlq = session.stack().ref("BillingDeadLetterQueue");
        List<String> bodies = new ArrayList<>();
        for (int i = 1; i <= DEAD_LETTERS; i++) {
            String body = "{\"eventType\":\"OrderPlaced\",\"orderId\":\"o-dead-" + i + "\"}";
            bodies.add(body);
            sqs.sendMessage(send -> send.queueUrl(dlq).messageBody(body));
        }
        report.in(DEAD_LETTERS + " dead letters in " + dlq);

        JsonNode dryRun = invoke(session, "{\"deadLetterQueue\":\"" + dlq + "\",\"dryRun\":true}", report);
        JsonNode move = invoke(session, "{\"deadLetterQueue\":\"" + dlq + "\"}", report);
        JsonNode again = invoke(session, "{\"deadLetterQueue\":\"" + dlq + "\"}", report);

        String billing = session.stack().ref("BillingQueue");
        List<String> back = QueueDrain.all(sqs, billing).stream().map(Message::body).toList();
        report.out("BillingQueue now holds " + back.size() + " message(s): " + back);

        report.check("the dry run listed every dead letter and moved none", dryRun.path("wouldMove").asInt() == DEAD_LETTERS
                && dryRun.path("remainingInDeadLetterQueue").asInt() == DEAD_LETTERS, dryRun);
        report.check("the redrive moved every dead letter to the source queue derived from the DLQ",
                move.path("moved").asInt() == DEAD_LETTERS && move.path("sourceQueueUrl").asText().equals(billing), move);
        report.check("each moved message arrived once, unchanged", back.size() == DEAD_LETTERS && back.containsAll(bodies), back);
        report.check("a second run finds nothing to move", again.path("moved").asInt() == 0 && again.path("remainingInDeadLetterQueue").asInt() == 0, again);
        redriveFailureRecord(session, report);
        return report;
    }

    /** Pattern 3's redrive path: an event that failed during an outage is invoked again once the outage is over. */
    private static void redriveFailureRecord(LocalSession session, ScenarioReport report) throws Exception {
        DynamoDbClient dynamoDb = session.clients().create(DynamoDbClient.builder());
        String table = session.stack().ref("NotificationsTable");
        String failures = session.stack().ref("SubscriberFailureQueue");
        String notification = "{\"notificationId\":\"n-outage\",\"severity\":\"CRITICAL\",\"text\":\"stored after the outage\"}";
        TableOutage outage = TableOutage.begin(dynamoDb, table);
        session.clients().create(SnsClient.builder()).publish(publish -> publish.topicArn(session.stack().ref("NotificationsTopic")).message(notification));
        report.in(notification + " published while " + table + " is unavailable");
        List<AsyncOutcome> failed = session.asyncEventSource("TopicSubscriberFunction", "Notifications").deliverPending();
        failed.forEach(outcome -> report.out("during the outage: " + outcome.attempts().size() + " attempt(s), " + outcome.condition()
                + ", record sent to " + outcome.sentTo()));
        outage.end();

        JsonNode redrive = invoke(session, "{\"deadLetterQueue\":\"" + failures + "\"}", report);
        List<AsyncOutcome> reinvoked = session.invokeApi().awaitAccepted(Duration.ofMinutes(2));
        reinvoked.forEach(outcome -> report.out("re-invoked through Lambda's Invoke API: " + outcome.attempts().size() + " attempt(s), "
                + outcome.condition()));
        Map<String, AttributeValue> stored = dynamoDb.getItem(get -> get.tableName(table)
                .key(Map.of("notificationId", AttributeValue.fromS("n-outage")))).item();
        report.out(table + " now holds n-outage: " + !stored.isEmpty());

        report.check("during the outage the notification ran out of retries into the failure queue", failed.size() == 1
                && "RetriesExhausted".equals(failed.getFirst().condition()), failed);
        report.check("the redrive re-invoked the function named in the failure record", redrive.path("moved").asInt() == 1
                && redrive.path("messages").get(0).path("destination").asText().contains(":function:"), redrive);
        report.check("the re-invoked notification was stored", reinvoked.size() == 1 && reinvoked.getFirst().succeeded()
                && !stored.isEmpty(), stored);
    }

    private static JsonNode invoke(LocalSession session, String request, ScenarioReport report) throws Exception {
        InvocationResult result = session.lambda().invoke("DlqRedriveFunction", request);
        report.out("DlqRedriveFunction " + request + " -> moved " + Json.MAPPER.readTree(result.payload()).path("moved").asText("-")
                + ", would move " + Json.MAPPER.readTree(result.payload()).path("wouldMove").asText("-"));
        if (!result.succeeded()) {
            throw new IllegalStateException("DlqRedriveFunction failed: " + result.payload());
        }
        return Json.MAPPER.readTree(result.payload());
    }
}
