package dev.patterns.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The executor's decisions, over an in-memory store with the same claim contract as DynamoDB's. */
class IdempotencyTest {

    private final InMemoryStore store = new InMemoryStore();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);
    private final Idempotency idempotency = new Idempotency(store, Duration.ofHours(1), clock);
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void secondCallReplaysTheFirstResultWithoutRunningTheWork() {
        IdempotentResult first = idempotency.once("k", Duration.ofSeconds(30), () -> "r" + runs.incrementAndGet());
        IdempotentResult second = idempotency.once("k", Duration.ofSeconds(30), () -> "r" + runs.incrementAndGet());

        assertThat(first).isEqualTo(new IdempotentResult.Executed("r1"));
        assertThat(second).isEqualTo(new IdempotentResult.Replayed("r1"));
        assertThat(runs).hasValue(1);
    }

    @Test
    void failedWorkReleasesItsClaimSoTheRetryRuns() {
        assertThatThrownBy(() -> idempotency.once("k", Duration.ofSeconds(30), () -> {
            throw new IllegalStateException("down");
        })).hasMessage("down");

        assertThat(idempotency.once("k", Duration.ofSeconds(30), () -> "ok")).isEqualTo(new IdempotentResult.Executed("ok"));
    }

    @Test
    void liveInProgressClaimFailsFast() {
        store.claim("k", clock.instant(), clock.instant().plusSeconds(3600), clock.instant().plusSeconds(30));

        assertThatThrownBy(() -> idempotency.once("k", Duration.ofSeconds(30), () -> "never"))
                .isInstanceOf(IdempotencyInProgressException.class);
    }

    static final class InMemoryStore implements IdempotencyStore {
        private final Map<String, IdempotencyRecord> records = new HashMap<>();

        @Override
        public Optional<IdempotencyRecord> claim(String key, Instant now, Instant expiresAt, Instant inProgressUntil) {
            IdempotencyRecord existing = records.get(key);
            if (existing != null && existing.isLive(now)) {
                return Optional.of(existing);
            }
            records.put(key, new IdempotencyRecord(key, IdempotencyRecord.Status.IN_PROGRESS, expiresAt, inProgressUntil, null));
            return Optional.empty();
        }

        @Override
        public void complete(String key, String result, Instant expiresAt) {
            records.put(key, new IdempotencyRecord(key, IdempotencyRecord.Status.COMPLETED, expiresAt, Instant.EPOCH, result));
        }

        @Override
        public void release(String key) {
            records.remove(key);
        }
    }
}
