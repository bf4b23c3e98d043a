package dev.patterns.queueworker;

import dev.patterns.common.idempotency.Idempotency;
import dev.patterns.common.idempotency.IdempotentResult;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies a posting to the ledger at most once per posting id. */
public final class PostingService {

    private static final Logger LOG = LoggerFactory.getLogger(PostingService.class);

    private final Ledger ledger;
    private final Idempotency idempotency;

    public PostingService(Ledger ledger, Idempotency idempotency) {
        this.ledger = ledger;
        this.idempotency = idempotency;
    }

    public IdempotentResult apply(Posting posting, Duration timeLeft) {
        IdempotentResult result = idempotency.once("posting#" + posting.postingId(), timeLeft, () -> {
            ledger.apply(posting);
            return posting.account() + ":" + posting.amountCents();
        });
        if (result instanceof IdempotentResult.Executed) {
            LOG.info("Posting {} applied: {} cents to {}", posting.postingId(), posting.amountCents(), posting.account());
        }
        return result;
    }
}
