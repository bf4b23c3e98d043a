package dev.patterns.topicsubscriber;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.common.Json;
import java.util.Set;

/** A notification published to the topic. */
public record Notification(String notificationId, String severity, String text) {

    private static final Set<String> SEVERITIES = Set.of("INFO", "WARNING", "CRITICAL");

    public static Notification parse(String message) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(message == null ? "" : message);
        } catch (JsonProcessingException e) {
            throw new InvalidNotificationException("message is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidNotificationException("message is not a JSON object");
        }
        String id = node.path("notificationId").asText("");
        if (id.isBlank() || id.length() > 128) {
            throw new InvalidNotificationException("notificationId must be a string of 1-128 characters");
        }
        String severity = node.path("severity").asText("");
        if (!SEVERITIES.contains(severity)) {
            throw new InvalidNotificationException("severity must be one of " + SEVERITIES + ", was '" + severity + "'");
        }
        return new Notification(id, severity, node.path("text").asText(""));
    }
}
