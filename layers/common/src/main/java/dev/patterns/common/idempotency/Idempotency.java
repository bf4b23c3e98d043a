package dev.patterns.common.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a piece of work at most once per key within a time-to-live, across invocations and
 * concurrent execution environments.
 *
 * <p>The key is claimed with a conditional write before the work; the claim carries an
 * in-progress deadline (the invocation's remaining time), so a crashed or timed-out invocation
 * does not block the key for the whole TTL. On success the result is stored and later calls
 * replay it; on an exception the claim is released and the exception propagates.
 */
public final class Idempotency {

    private static final Logger LOG = LoggerFactory.getLogger(Idempotency.class);

    private final IdempotencyStore store;
    private final Duration timeToLive;
    private final Clock clock;

    public Idempotency(IdempotencyStore store, Duration timeToLive, Clock clock) {
        this.store = store;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    public IdempotentResult once(String key, Duration timeLeft, Supplier<String> work) {
        Instant now = clock.instant();
        Optional<IdempotencyRecord> existing = store.claim(key, now, now.plus(timeToLive), now.plus(timeLeft));
        if (existing.isPresent()) {
            IdempotencyRecord record = existing.get();
            if (record.status() == IdempotencyRecord.Status.IN_PROGRESS) {
                throw new IdempotencyInProgressException(key);
            }
            LOG.info("Idempotency key {} already completed; replaying its result, no work done", key);
            return new IdempotentResult.Replayed(record.result());
        }
        String result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            store.release(key);
            throw e;
        }
        store.complete(key, result == null ? "" : result, clock.instant().plus(timeToLive));
        return new IdempotentResult.Executed(result);
    }
}
