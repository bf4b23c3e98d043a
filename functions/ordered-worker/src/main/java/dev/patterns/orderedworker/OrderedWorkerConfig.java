package dev.patterns.orderedworker;

import dev.patterns.common.Env;

/** The ordered worker's settings, from the template's Environment. */
public record OrderedWorkerConfig(String timelineTable, String deadLetterQueueUrl, int maxReceiveCount) {

    public static OrderedWorkerConfig from(Env env) {
        return new OrderedWorkerConfig(env.required("TIMELINE_TABLE_NAME"), env.required("DEAD_LETTER_QUEUE_URL"),
                (int) env.requiredLong("MAX_RECEIVE_COUNT"));
    }
}
