package dev.patterns.dlqredrive;

import java.util.Map;

/**
 * What to move: {@code deadLetterQueue} (URL, ARN or name), optionally {@code sourceQueue} (else
 * the DLQ's one source queue, found with ListDeadLetterSourceQueues), {@code maxMessages}
 * (default 100), {@code dryRun} (default false) and {@code visibilityTimeoutSeconds}: how long a
 * received dead letter stays hidden from others while it is moved (default 120; after an
 * interrupted run, that is how long until a rerun sees it again).
 */
public record RedriveRequest(String deadLetterQueue, String sourceQueue, int maxMessages, boolean dryRun, int visibilityTimeoutSeconds) {

    static final int DEFAULT_MAX_MESSAGES = 100;
    static final int DEFAULT_VISIBILITY_TIMEOUT = 120;

    public RedriveRequest(String deadLetterQueue, String sourceQueue, int maxMessages, boolean dryRun) {
        this(deadLetterQueue, sourceQueue, maxMessages, dryRun, DEFAULT_VISIBILITY_TIMEOUT);
    }

    public RedriveRequest {
        if (deadLetterQueue == null || deadLetterQueue.isBlank()) {
            throw new IllegalArgumentException("deadLetterQueue is required (a queue URL, ARN or name)");
        }
        if (visibilityTimeoutSeconds < 1 || visibilityTimeoutSeconds > 43_200) {
            throw new IllegalArgumentException("visibilityTimeoutSeconds must be 1-43200, was " + visibilityTimeoutSeconds);
        }
        if (maxMessages < 1) {
            throw new IllegalArgumentException("maxMessages must be at least 1, was " + maxMessages);
        }
    }

    public static RedriveRequest from(Map<String, Object> input) {
        Object max = input.get("maxMessages");
        Object visibility = input.get("visibilityTimeoutSeconds");
        return new RedriveRequest(
                (String) input.get("deadLetterQueue"),
                (String) input.get("sourceQueue"),
                max == null ? DEFAULT_MAX_MESSAGES : ((Number) max).intValue(),
                Boolean.TRUE.equals(input.get("dryRun")),
                visibility == null ? DEFAULT_VISIBILITY_TIMEOUT : ((Number) visibility).intValue());
    }
}
