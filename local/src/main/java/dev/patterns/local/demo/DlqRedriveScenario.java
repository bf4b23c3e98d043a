package dev.patterns.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.local.LocalSession;
import dev.patterns.local.runtime.InvocationResult;
import dev.patterns.local.sources.QueueDrain;
import dev.patterns.local.template.Json;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * DLQ redrive: dead letters waiting in the billing queue's DLQ are listed by a dry run, moved back
 * by the built redrive function, and a second run finds nothing left to move.
 */
public final class DlqRedriveScenario implements Scenario {

    private static final int DEAD_LETTERS = 3;

    @Override
    public ScenarioReport run(LocalSession session) throws Exception {
        ScenarioReport report = new ScenarioReport("DLQ redrive: BillingDeadLetterQueue -> DlqRedriveFunction -> BillingQueue");
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
        return report;
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
