package dev.patterns.common.idempotency;

import java.time.Instant;
import java.util.Optional;

/** Persistence for {@link Idempotency}; the contract every implementation must keep is atomic claim. */
public interface IdempotencyStore {

    /**
     * Atomically claims {@code key} as in progress unless a live record exists (completed and not
     * expired, or in progress and not past its in-progress deadline).
     *
     * @return empty when the claim succeeded, otherwise the live record that prevented it
     */
    Optional<IdempotencyRecord> claim(String key, Instant now, Instant expiresAt, Instant inProgressUntil);

    void complete(String key, String result, Instant expiresAt);

    /** Drops an in-progress claim after the work failed, so a retry may run it again. */
    void release(String key);
}
