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
 * Delivers what arrived at a {@link Tap} to its function, asynchronously (retries,
 * destinations), each event in the shape Lambda gives it: SNS notifications become an
 * {@code aws:sns} event; S3 notifications and EventBridge events are passed as they are.
 */
public final class TapEventSource {

    private final SqsClient sqs;
    private final Tap tap;
    private final AsyncInvoker invoker;

    public TapEventSource(SqsClient sqs, Tap tap, AsyncInvoker invoker) {
        this.sqs = sqs;
        this.tap = tap;
        this.invoker = invoker;
    }

    public Tap tap() {
        return tap;
    }

    /** Delivers every event waiting for the function; returns what became of each. */
    public List<AsyncOutcome> deliverPending() {
        List<AsyncOutcome> outcomes = new ArrayList<>();
        for (List<Message> batch = receive(); !batch.isEmpty(); batch = receive()) {
            for (Message message : batch) {
                JsonNode body = parse(message.body());
                // S3 sends its s3:TestEvent to queue and topic destinations only, never to a function.
                if (!(tap.kind() == Tap.Kind.S3 && "s3:TestEvent".equals(body.path("Event").asText()))) {
                    outcomes.add(invoker.invoke(tap.functionLogicalId(), event(body), eventTime(body)));
                }
                sqs.deleteMessage(delete -> delete.queueUrl(tap.queueUrl()).receiptHandle(message.receiptHandle()));
            }
        }
        return outcomes;
    }

    private List<Message> receive() {
        return sqs.receiveMessage(receive -> receive.queueUrl(tap.queueUrl()).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
    }

    private String event(JsonNode body) {
        return switch (tap.kind()) {
            case SNS -> snsEvent(body);
            case S3 -> body.toString();
            case EVENTBRIDGE -> eventBridgeEvent(body);
        };
    }

    private Instant eventTime(JsonNode body) {
        String time = switch (tap.kind()) {
            case SNS -> body.path("Timestamp").asText("");
            case S3 -> body.path("Records").path(0).path("eventTime").asText("");
            case EVENTBRIDGE -> body.path("time").asText("");
        };
        try {
            return Instant.parse(time);
        } catch (RuntimeException unparsable) {
            return Instant.now();
        }
    }

    /** moto writes an EventBridge event's time as epoch seconds; EventBridge writes ISO-8601. */
    private static String eventBridgeEvent(JsonNode body) {
        if (body instanceof ObjectNode event && event.path("time").isNumber()) {
            event.put("time", Instant.ofEpochMilli((long) (event.path("time").asDouble() * 1000)).toString());
        }
        return body.toString();
    }

    /** Lambda's SNS event: one record, the notification with Lambda's field names. */
    private String snsEvent(JsonNode envelope) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", tap.sourceArn());
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
            throw new IllegalStateException("A tap queue message is not JSON: " + body, e);
        }
    }
}
