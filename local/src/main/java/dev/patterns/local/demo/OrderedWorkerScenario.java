package dev.patterns.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.local.LocalSession;
import dev.patterns.local.sources.PollResult;
import dev.patterns.local.sources.QueueDrain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Pattern 2: every sample order event goes into the FIFO queue with its MessageGroupId (the
 * order). Each order's timeline must come out in sequence order; the unknown event type goes to
 * the FIFO DLQ at once, the event held past every retry after maxReceiveCount receives, and the
 * events behind both still apply.
 */
public final class OrderedWorkerScenario implements Scenario {

    private static final Map<String, List<String>> EXPECTED_TIMELINES = Map.of(
            "o-1001", List.of("1:CREATED", "2:PAID", "3:PACKED"),
            "o-2001", List.of("1:CREATED", "2:PAID", "3:SHIPPED"),
            "o-2002", List.of("1:CREATED", "2:PAID", "3:SHIPPED"),
            "o-3001", List.of("1:CREATED", "3:PAID"),
            "o-4001", List.of("1:CREATED", "3:DELIVERED"));

    @Override
    public ScenarioReport run(LocalSession session) throws Exception {
        ScenarioReport report = new ScenarioReport("Pattern 2  ordered worker: SQS FIFO -> OrderedWorkerFunction -> order timelines");
        SqsClient sqs = session.clients().create(SqsClient.builder());
        String queue = session.stack().ref("OrderedQueue");
        Map<String, String> sent = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(session.paths().events().resolve("ordered-worker"))) {
            for (Path file : files.sorted().toList()) {
                for (JsonNode record : SampleEvents.read(file).path("Records")) {
                    String group = record.path("attributes").path("MessageGroupId").asText();
                    String body = record.path("body").asText();
                    sent.put(sqs.sendMessage(send -> send.queueUrl(queue).messageGroupId(group).messageBody(body)).messageId(), body);
                }
                report.in(file.getFileName() + " -> " + queue);
            }
        }
        List<PollResult> polls = session.sqsEventSource("OrderedWorkerFunction").drain(50);
        Map<String, Integer> deliveries = new HashMap<>();
        polls.forEach(poll -> poll.receivedIds().forEach(id -> deliveries.merge(id, 1, Integer::sum)));
        report.out(polls.size() + " invocations of OrderedWorkerFunction for " + sent.size() + " events");

        Map<String, List<String>> timelines = new TreeMap<>();
        DynamoDbClient dynamoDb = session.clients().create(DynamoDbClient.builder());
        dynamoDb.scan(scan -> scan.tableName(session.stack().ref("OrderTimelineTable"))).items().forEach(item ->
                timelines.put(item.get("orderId").s(), item.get("events").l().stream().map(value -> value.s()).toList()));
        timelines.forEach((order, events) -> report.out("timeline " + order + ": " + events));

        List<Message> deadLetters = QueueDrain.all(sqs, session.stack().ref("OrderedDeadLetterQueue"));
        Map<String, Integer> deadLetterDeliveries = new TreeMap<>();
        for (Message message : deadLetters) {
            String source = message.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID);
            deadLetterDeliveries.put(message.body(), deliveries.getOrDefault(source, 0));
            report.out("FIFO DLQ (group " + message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID) + ", after "
                    + deliveries.getOrDefault(source, 0) + " deliveries): " + message.body() + "  reason: "
                    + (message.messageAttributes().containsKey("DeadLetterReason") ? message.messageAttributes().get("DeadLetterReason").stringValue() : "-"));
        }
        int maxReceiveCount = Integer.parseInt(session.stack().parameter("OrderedQueueMaxReceiveCount"));

        report.check("every order's timeline is in sequence order, with the events behind dead letters applied",
                timelines.equals(new TreeMap<>(EXPECTED_TIMELINES)), timelines);
        report.check("the unknown event type went to the FIFO DLQ at once (1 delivery)",
                deadLetterDeliveries.entrySet().stream().anyMatch(entry -> entry.getKey().contains("TELEPORTED") && entry.getValue() == 1), deadLetterDeliveries);
        report.check("the event held past every retry went to the FIFO DLQ after maxReceiveCount (" + maxReceiveCount + ") deliveries",
                deadLetterDeliveries.entrySet().stream().anyMatch(entry -> entry.getKey().contains("notBefore") && entry.getValue() == maxReceiveCount),
                deadLetterDeliveries);
        report.check("nothing else in the FIFO DLQ", deadLetters.size() == 2, deadLetters.size());
        report.check("no event delivered more than maxReceiveCount times", deliveries.values().stream().allMatch(count -> count <= maxReceiveCount), deliveries);
        return report;
    }
}
