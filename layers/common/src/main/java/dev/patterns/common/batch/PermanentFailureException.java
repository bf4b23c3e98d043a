package dev.patterns.common.batch;

/** A ready-made {@link PermanentFailure}. */
public class PermanentFailureException extends Exception implements PermanentFailure {

    public PermanentFailureException(String reason) {
        super(reason);
    }
}
