package dev.patterns.dlqredrive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.common.Json;
import java.util.Optional;

/**
 * A Lambda destination record (what an asynchronous invocation's OnFailure destination
 * receives): the function that failed, as {@code requestContext.functionArn}, and the event it
 * failed on, as {@code requestPayload}. Redriving one invokes that function again with that event.
 */
record FailedInvocation(String functionArn, String payload) {

    static Optional<FailedInvocation> parse(String body) {
        JsonNode record;
        try {
            record = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
        if (record == null || !record.isObject() || !record.has("requestPayload")) {
            return Optional.empty();
        }
        String function = record.path("requestContext").path("functionArn").asText("");
        if (!function.startsWith("arn:")) {
            return Optional.empty();
        }
        return Optional.of(new FailedInvocation(function, record.get("requestPayload").toString()));
    }
}
