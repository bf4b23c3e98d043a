package dev.patterns.topicsubscriber;

/** Thrown to fail the invocation: Lambda retries it, then sends it to the on-failure destination. */
public final class InvalidNotificationException extends RuntimeException {

    public InvalidNotificationException(String reason) {
        super("Invalid notification: " + reason);
    }
}
