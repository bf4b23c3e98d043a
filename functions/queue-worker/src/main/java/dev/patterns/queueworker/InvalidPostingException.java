package dev.patterns.queueworker;

/** A message that can never be worked on as it stands; its reason is logged with the message id. */
public final class InvalidPostingException extends Exception {

    public InvalidPostingException(String reason) {
        super("Invalid posting: " + reason);
    }
}
