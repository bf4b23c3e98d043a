package dev.patterns.common.idempotency;

import java.time.Instant;

/** What the store knows about one idempotency key. */
public record IdempotencyRecord(String key, Status status, Instant expiresAt, Instant inProgressUntil, String result) {

    public enum Status { IN_PROGRESS, COMPLETED }

    boolean isLive(Instant now) {
        return expiresAt.isAfter(now) && (status == Status.COMPLETED || inProgressUntil.isAfter(now));
    }
}
