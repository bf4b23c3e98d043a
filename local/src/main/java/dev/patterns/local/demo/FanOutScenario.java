package dev.patterns.local.demo;

import dev.patterns.local.LocalSession;
import dev.patterns.local.runtime.InvocationResult;
import dev.patterns.local.sources.QueueDrain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Pattern 4: the publisher function is invoked once per sample order event; each publishes once
 * to the topic, and the subscriptions' filter policies decide which queues receive it.
 */
public final class FanOutScenario implements Scenario {

    private static final Map<String, List<String>> EXPECTED = Map.of(
            "BillingQueue", List.of("OrderCancelled", "OrderPlaced"),
            "ShippingQueue", List.of("OrderPlaced"),
            "AnalyticsQueue", List.of("OrderCancelled", "OrderPickedUp", "OrderPlaced"));

    @Override
    public ScenarioReport run(LocalSession session) throws Exception {
        ScenarioReport report = new ScenarioReport("Pattern 4  fan-out: FanOutPublisherFunction -> one SNS publish -> filtered SQS queues");
        int published = 0;
        try (Stream<Path> files = Files.list(session.paths().events().resolve("fan-out-publisher"))) {
            for (Path file : files.sorted().toList()) {
                InvocationResult result = session.lambda().invoke("FanOutPublisherFunction", Files.readString(file));
                published += result.succeeded() ? 1 : 0;
                report.in(file.getFileName() + " -> FanOutPublisherFunction: " + result.payload());
            }
        }
        SqsClient sqs = session.clients().create(SqsClient.builder());
        Map<String, List<String>> received = new LinkedHashMap<>();
        int deadLettered = 0;
        for (String queue : EXPECTED.keySet().stream().sorted().toList()) {
            List<String> types = new ArrayList<>();
            for (Message message : QueueDrain.all(sqs, session.stack().ref(queue))) {
                types.add(message.messageAttributes().get("eventType").stringValue());
            }
            types.sort(null);
            received.put(queue, types);
            deadLettered += QueueDrain.all(sqs, session.stack().ref(queue.replace("Queue", "DeadLetterQueue"))).size();
            report.out(queue + " received " + types);
        }
        report.check("each sample event was published once", published == 3, published);
        report.check("each queue received exactly the events its filter policy matches", received.equals(EXPECTED), received);
        report.check("nothing in the queues' DLQs", deadLettered == 0, deadLettered);
        return report;
    }
}
