package dev.patterns.fanout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.common.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes an order event once, to the fan-out topic; the topic's subscriptions (with their
 * filter policies) decide which queues receive it. Usable as a library: it needs only an
 * {@link SnsClient} and the topic ARN, and never addresses a queue.
 */
public final class OrderEventPublisher {

    /** SNS's limit for a whole message. */
    static final int MAX_MESSAGE_BYTES = 256 * 1024;

    private final SnsClient sns;
    private final String topicArn;

    public OrderEventPublisher(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    /**
     * @param event a JSON object with at least {@code eventType} and {@code orderId}
     * @return the SNS message id
     */
    public String publish(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new IllegalArgumentException("An order event must be a JSON object");
        }
        String eventType = event.path("eventType").asText("");
        if (!event.path("eventType").isTextual() || eventType.isBlank()) {
            throw new IllegalArgumentException("An order event needs a non-empty string eventType");
        }
        if (!event.path("orderId").isTextual() || event.path("orderId").asText().isBlank()) {
            throw new IllegalArgumentException("An order event needs a non-empty string orderId");
        }
        String body = event.toString();
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("An order event must be at most 256 KiB as JSON");
        }
        return sns.publish(publish -> publish.topicArn(topicArn)
                .message(body)
                .messageAttributes(Map.of("eventType", MessageAttributeValue.builder().dataType("String").stringValue(eventType).build())))
                .messageId();
    }

    public String publish(String json) {
        try {
            return publish(Json.MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An order event must be JSON: " + e.getOriginalMessage(), e);
        }
    }

}
