package dev.patterns.common.idempotency;

/** Whether the work ran now or an earlier run's result was returned. */
public sealed interface IdempotentResult {

    String value();

    record Executed(String value) implements IdempotentResult {
    }

    record Replayed(String value) implements IdempotentResult {
    }
}
