package dev.patterns.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patterns.local.LocalSession;
import dev.patterns.testsupport.EmulatorExtension;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The conditional writes of the idempotency store, against the template's table in the emulator. */
@ExtendWith(EmulatorExtension.class)
class DynamoDbIdempotencyStoreTest {

    private final DynamoDbIdempotencyStore store;
    private final String key = "k-" + UUID.randomUUID();
    private final Instant now = Instant.now();

    DynamoDbIdempotencyStoreTest(LocalSession session) {
        store = new DynamoDbIdempotencyStore(session.clients().create(DynamoDbClient.builder()), session.stack().ref("IdempotencyTable"));
    }

    @Test
    void onlyTheFirstOfTwoClaimsWins() {
        assertThat(store.claim(key, now, now.plusSeconds(3600), now.plusSeconds(30))).isEmpty();

        assertThat(store.claim(key, now, now.plusSeconds(3600), now.plusSeconds(30)))
                .hasValueSatisfying(holder -> assertThat(holder.status()).isEqualTo(IdempotencyRecord.Status.IN_PROGRESS));
    }

    @Test
    void completedKeyReportsItsStoredResult() {
        store.claim(key, now, now.plusSeconds(3600), now.plusSeconds(30));
        store.complete(key, "done", now.plusSeconds(3600));

        assertThat(store.claim(key, now, now.plusSeconds(3600), now.plusSeconds(30)))
                .hasValueSatisfying(holder -> {
                    assertThat(holder.status()).isEqualTo(IdempotencyRecord.Status.COMPLETED);
                    assertThat(holder.result()).isEqualTo("done");
                });
    }

    @Test
    void claimPastItsInProgressDeadlineCanBeTakenOver() {
        store.claim(key, now, now.plusSeconds(3600), now.plusSeconds(1));

        assertThat(store.claim(key, now.plusSeconds(2), now.plusSeconds(3600), now.plusSeconds(30))).isEmpty();
    }

    @Test
    void expiredCompletedKeyRunsAgain() {
        store.claim(key, now, now.plusSeconds(60), now.plusSeconds(30));
        store.complete(key, "old", now.plusSeconds(60));

        assertThat(store.claim(key, now.plusSeconds(61), now.plusSeconds(3600), now.plusSeconds(90))).isEmpty();
    }

    @Test
    void releasedClaimCanBeClaimedAgain() {
        store.claim(key, now, now.plusSeconds(3600), now.plusSeconds(30));
        store.release(key);

        assertThat(store.claim(key, now, now.plusSeconds(3600), now.plusSeconds(30))).isEmpty();
    }
}
