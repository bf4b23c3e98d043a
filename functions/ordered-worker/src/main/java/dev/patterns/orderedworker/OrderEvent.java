package dev.patterns.orderedworker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.common.Json;
import dev.patterns.common.batch.PermanentFailureException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * One step in an order's life, delivered in order per order (the FIFO MessageGroupId is the
 * order id). {@code notBefore}, when present, holds the step until then: the whole group waits.
 */
public record OrderEvent(String orderId, long sequence, String type, Instant notBefore) {

    static final Set<String> TYPES = Set.of("CREATED", "PAID", "PACKED", "SHIPPED", "DELIVERED", "CANCELLED");

    /** Malformed or unknown events can never succeed: they fail permanently, straight to the DLQ. */
    public static OrderEvent parse(String body) throws PermanentFailureException {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new PermanentFailureException("Bad schema: body is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new PermanentFailureException("Bad schema: body is not a JSON object");
        }
        String orderId = node.path("orderId").asText("");
        if (!node.path("orderId").isTextual() || orderId.isBlank() || orderId.length() > 128) {
            throw new PermanentFailureException("Bad schema: orderId must be a string of 1-128 characters");
        }
        if (!node.path("sequence").canConvertToLong() || !node.path("sequence").isIntegralNumber() || node.path("sequence").asLong() < 1) {
            throw new PermanentFailureException("Bad schema: sequence must be a positive whole number");
        }
        String type = node.path("type").asText("");
        if (!TYPES.contains(type)) {
            throw new PermanentFailureException("Unknown event type '" + type + "'; known: " + TYPES);
        }
        Instant notBefore = null;
        if (node.hasNonNull("notBefore")) {
            try {
                notBefore = Instant.parse(node.path("notBefore").asText());
            } catch (DateTimeParseException e) {
                throw new PermanentFailureException("Bad schema: notBefore must be an ISO-8601 instant");
            }
        }
        return new OrderEvent(orderId, node.path("sequence").asLong(), type, notBefore);
    }
}
