package dev.patterns.queueworker;

import dev.patterns.common.Env;
import java.time.Duration;

/** The worker's settings, all from the template's Environment. */
public record QueueWorkerConfig(String ledgerTable, String idempotencyTable, Duration idempotencyTtl) {

    public static QueueWorkerConfig from(Env env) {
        return new QueueWorkerConfig(
                env.required("LEDGER_TABLE_NAME"),
                env.required("IDEMPOTENCY_TABLE_NAME"),
                Duration.ofSeconds(env.optionalLong("IDEMPOTENCY_TTL_SECONDS", Duration.ofDays(1).toSeconds())));
    }
}
