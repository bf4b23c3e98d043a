package dev.patterns.queueworker;

/** Where postings take effect. Applying a posting twice would double it: that is what idempotency prevents. */
public interface Ledger {

    void apply(Posting posting);
}
