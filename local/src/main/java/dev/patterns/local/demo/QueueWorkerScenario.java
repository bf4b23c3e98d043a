package dev.patterns.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.local.LocalSession;
import dev.patterns.local.sources.PollResult;
import dev.patterns.local.sources.QueueDrain;
import dev.patterns.local.template.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Pattern 1: the sample postings go into the work queue; the local event source feeds the worker
 * until the queue is empty. Valid postings must land in the ledger once each (the duplicate
 * sample included), malformed ones in the DLQ, unchanged, after exactly maxReceiveCount receives.
 */
public final class QueueWorkerScenario implements Scenario {

    private static final int EXPECTED_DEAD_LETTERS = 2;

    @Override
    public ScenarioReport run(LocalSession session) throws Exception {
        ScenarioReport report = new ScenarioReport("Pattern 1  queue worker: SQS -> QueueWorkerFunction -> DynamoDB ledger");
        SqsClient sqs = session.clients().create(SqsClient.builder());
        DynamoDbClient dynamoDb = session.clients().create(DynamoDbClient.builder());
        String queueUrl = session.stack().ref("WorkQueue");
        String dlqUrl = session.stack().ref("WorkDeadLetterQueue");

        Path events = session.paths().events().resolve("queue-worker");
        List<String> bodies = new ArrayList<>(SampleEvents.sqsBodies(events.resolve("batch-mixed.json")));
        bodies.addAll(SampleEvents.sqsBodies(events.resolve("duplicate-posting.json")));
        Map<String, String> sent = new LinkedHashMap<>();
        for (String body : bodies) {
            sent.put(sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(body)).messageId(), body);
        }
        report.in(sent.size() + " messages to " + queueUrl + " (bodies of events/queue-worker/batch-mixed.json and duplicate-posting.json)");

        List<PollResult> polls = session.sqsEventSource("QueueWorkerFunction").drain(200);
        Map<String, Integer> deliveries = new HashMap<>();
        Set<String> processed = new LinkedHashSet<>();
        polls.forEach(poll -> {
            poll.receivedIds().forEach(id -> deliveries.merge(id, 1, Integer::sum));
            processed.addAll(poll.deletedIds());
        });
        report.out(polls.size() + " invocations of QueueWorkerFunction; " + processed.size() + " messages processed and deleted");

        List<Message> deadLetters = QueueDrain.all(sqs, dlqUrl);
        deadLetters.forEach(message -> report.out("DLQ: " + message.messageId() + " after "
                + deliveries.getOrDefault(message.messageId(), 0) + " deliveries, body " + message.body()));

        Map<String, Long> ledger = new TreeMap<>();
        dynamoDb.scan(scan -> scan.tableName(session.stack().ref("LedgerTable"))).items().forEach(item ->
                ledger.put(item.get("account").s(), Long.parseLong(item.get("balanceCents").n())));
        report.out("ledger balances (cents): " + ledger);

        int maxReceiveCount = Json.MAPPER.readTree(sqs.getQueueAttributes(get -> get.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes().get(QueueAttributeName.REDRIVE_POLICY))
                .path("maxReceiveCount").asInt();
        Map<String, Long> expectedLedger = expectedBalances(processed.stream().map(sent::get).toList());

        report.check("every message either processed or dead-lettered, none lost",
                processed.size() + deadLetters.size() == sent.size() && sent.keySet().containsAll(processed), processed.size() + " + " + deadLetters.size());
        report.check("exactly " + EXPECTED_DEAD_LETTERS + " malformed postings in the DLQ", deadLetters.size() == EXPECTED_DEAD_LETTERS, deadLetters.size());
        report.check("dead letters keep their bodies unchanged",
                deadLetters.stream().allMatch(message -> message.body().equals(sent.get(message.messageId()))), deadLetters);
        report.check("each dead letter was delivered exactly maxReceiveCount (" + maxReceiveCount + ") times",
                deadLetters.stream().allMatch(message -> deliveries.getOrDefault(message.messageId(), 0) == maxReceiveCount), deliveries);
        report.check("each processed message was delivered once", processed.stream().allMatch(id -> deliveries.get(id) == 1), deliveries);
        report.check("ledger holds each distinct posting once (the duplicate posting had one effect)",
                ledger.equals(expectedLedger), "expected " + expectedLedger + ", got " + ledger);
        report.check("work queue is empty", queueDepth(sqs, queueUrl) == 0, queueDepth(sqs, queueUrl));
        return report;
    }

    /** Sums by account over distinct posting ids: what one effect per posting means. */
    static Map<String, Long> expectedBalances(List<String> bodies) throws Exception {
        Map<String, JsonNode> distinct = new LinkedHashMap<>();
        for (String body : bodies) {
            JsonNode posting = Json.MAPPER.readTree(body);
            distinct.putIfAbsent(posting.path("postingId").asText(), posting);
        }
        Map<String, Long> balances = new TreeMap<>();
        distinct.values().forEach(posting -> balances.merge(posting.path("account").asText(), posting.path("amountCents").asLong(), Long::sum));
        return balances;
    }

    private static int queueDepth(SqsClient sqs, String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }
}
