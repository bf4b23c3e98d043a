package dev.patterns.local.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patterns.local.template.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * SNS -> Lambda, played locally: each notification the topic delivered to the function's tap
 * queue becomes Lambda's {@code aws:sns} event, invoked asynchronously (retries, destinations).
 */
public final class SnsEventSource {

    private final SqsClient sqs;
    private final SnsTap tap;
    private final AsyncInvoker invoker;

    public SnsEventSource(SqsClient sqs, SnsTap tap, AsyncInvoker invoker) {
        this.sqs = sqs;
        this.tap = tap;
        this.invoker = invoker;
    }

    public SnsTap tap() {
        return tap;
    }

    /** Delivers every notification waiting for the function; returns what became of each. */
    public List<AsyncOutcome> deliverPending() {
        List<AsyncOutcome> outcomes = new ArrayList<>();
        for (List<Message> batch = receive(); !batch.isEmpty(); batch = receive()) {
            for (Message message : batch) {
                JsonNode envelope = parse(message.body());
                outcomes.add(invoker.invoke(tap.mapping().functionLogicalId(), event(envelope),
                        Instant.parse(envelope.path("Timestamp").asText(Instant.now().toString()))));
                sqs.deleteMessage(delete -> delete.queueUrl(tap.queueUrl()).receiptHandle(message.receiptHandle()));
            }
        }
        return outcomes;
    }

    private List<Message> receive() {
        return sqs.receiveMessage(receive -> receive.queueUrl(tap.queueUrl()).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
    }

    /** Lambda's SNS event: one record, the notification with Lambda's field names. */
    private String event(JsonNode envelope) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", tap.subscriptionArn());
        record.put("EventSource", "aws:sns");
        ObjectNode sns = record.putObject("Sns");
        sns.put("SignatureVersion", envelope.path("SignatureVersion").asText("1"));
        sns.put("Timestamp", envelope.path("Timestamp").asText());
        sns.put("Signature", envelope.path("Signature").asText(""));
        sns.put("SigningCertUrl", envelope.path("SigningCertURL").asText(""));
        sns.put("MessageId", envelope.path("MessageId").asText());
        sns.put("Message", envelope.path("Message").asText());
        sns.set("MessageAttributes", envelope.has("MessageAttributes") ? envelope.get("MessageAttributes") : Json.MAPPER.createObjectNode());
        sns.put("Type", envelope.path("Type").asText("Notification"));
        sns.put("UnsubscribeUrl", envelope.path("UnsubscribeURL").asText(""));
        sns.put("TopicArn", envelope.path("TopicArn").asText());
        if (envelope.hasNonNull("Subject")) {
            sns.put("Subject", envelope.path("Subject").asText());
        } else {
            sns.putNull("Subject");
        }
        return event.toString();
    }

    private static JsonNode parse(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("A tap queue message is not an SNS envelope: " + body, e);
        }
    }
}
