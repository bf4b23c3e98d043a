package dev.patterns.queueworker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.common.Json;
import java.util.regex.Pattern;

/**
 * One ledger posting, the unit of work of the queue worker. {@code postingId} is the business
 * key: the producer's retry of the same posting, even as a new SQS message, is the same work.
 */
public record Posting(String postingId, String account, long amountCents) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final long MAX_ABS_CENTS = 1_000_000_000L;

    /** Parses and validates a message body, or explains precisely why it cannot be worked on. */
    public static Posting parse(String body) throws InvalidPostingException {
        if (body == null || body.isBlank()) {
            throw new InvalidPostingException("body is empty");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidPostingException("body is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidPostingException("body is not a JSON object");
        }
        String postingId = text(node, "postingId");
        String account = text(node, "account");
        JsonNode amount = node.get("amountCents");
        if (amount == null || !amount.isIntegralNumber() || !amount.canConvertToLong()) {
            throw new InvalidPostingException("amountCents must be a whole number of cents");
        }
        long cents = amount.longValue();
        if (cents == 0 || Math.abs(cents) > MAX_ABS_CENTS) {
            throw new InvalidPostingException("amountCents must be non-zero and at most " + MAX_ABS_CENTS + " in magnitude, was " + cents);
        }
        return new Posting(postingId, account, cents);
    }

    private static String text(JsonNode node, String field) throws InvalidPostingException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidPostingException(field + " is missing or not a string");
        }
        if (!ID.matcher(value.asText()).matches()) {
            throw new InvalidPostingException(field + " must be 1-128 of [A-Za-z0-9._:-], was '" + value.asText() + "'");
        }
        return value.asText();
    }
}
