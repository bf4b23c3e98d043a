package dev.patterns.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.local.LocalSession;
import dev.patterns.local.sources.AsyncOutcome;
import dev.patterns.local.sources.QueueDrain;
import dev.patterns.local.template.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Pattern 3: the sample notifications are published to the topic; the emulator delivers them,
 * and each is invoked asynchronously. The valid one must be stored once; the invalid one must
 * reach the on-failure queue after exactly 1 + MaximumRetryAttempts attempts.
 */
public final class TopicSubscriberScenario implements Scenario {

    @Override
    public ScenarioReport run(LocalSession session) throws Exception {
        ScenarioReport report = new ScenarioReport("Pattern 3  topic subscriber: SNS -> TopicSubscriberFunction (async, 2 retries) -> table / failure queue");
        SnsClient sns = session.clients().create(SnsClient.builder());
        String topic = session.stack().ref("NotificationsTopic");
        try (Stream<Path> files = Files.list(session.paths().events().resolve("topic-subscriber"))) {
            for (Path file : files.sorted().toList()) {
                String message = SampleEvents.read(file).path("Records").get(0).path("Sns").path("Message").asText();
                sns.publish(publish -> publish.topicArn(topic).message(message));
                report.in(file.getFileName() + ": " + message + " -> " + topic);
            }
        }
        List<AsyncOutcome> outcomes = session.asyncEventSource("TopicSubscriberFunction", "Notifications").deliverPending();
        outcomes.forEach(outcome -> report.out("async invocation: " + outcome.attempts().size() + " attempt(s), " + outcome.condition()
                + (outcome.sentTo() == null ? "" : ", record sent to " + outcome.sentTo())));

        List<String> stored = new ArrayList<>();
        session.clients().create(DynamoDbClient.builder()).scan(scan -> scan.tableName(session.stack().ref("NotificationsTable")))
                .items().forEach(item -> stored.add(item.get("notificationId").s() + " (" + item.get("severity").s() + ")"));
        report.out("stored notifications: " + stored);

        List<JsonNode> records = new ArrayList<>();
        for (Message message : QueueDrain.all(session.clients().create(SqsClient.builder()), session.stack().ref("SubscriberFailureQueue"))) {
            records.add(Json.MAPPER.readTree(message.body()));
        }
        records.forEach(record -> report.out("failure queue: condition " + record.path("requestContext").path("condition").asText()
                + ", approximateInvokeCount " + record.path("requestContext").path("approximateInvokeCount").asInt()
                + ", error " + record.path("responsePayload").path("errorMessage").asText()));

        report.check("the valid notification is stored once", stored.equals(List.of("n-1001 (CRITICAL)")), stored);
        report.check("the invalid notification reached the failure queue after exactly 3 attempts (RetriesExhausted)",
                records.size() == 1 && records.getFirst().path("requestContext").path("approximateInvokeCount").asInt() == 3
                        && records.getFirst().path("requestContext").path("condition").asText().equals("RetriesExhausted"), records);
        report.check("the failure record carries the original event", records.size() == 1
                && records.getFirst().path("requestPayload").path("Records").get(0).path("Sns").path("Message").asText().contains("n-1002"), records);
        report.check("the valid notification took one attempt", outcomes.stream().filter(AsyncOutcome::succeeded).allMatch(o -> o.attempts().size() == 1)
                && outcomes.stream().filter(AsyncOutcome::succeeded).count() == 1, outcomes.size());
        return report;
    }
}
