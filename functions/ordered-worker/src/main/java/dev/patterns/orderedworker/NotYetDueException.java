package dev.patterns.orderedworker;

import java.time.Instant;

/** A transient failure: the event is held until its notBefore; the queue redelivers it later. */
public final class NotYetDueException extends Exception {

    public NotYetDueException(OrderEvent event, Instant now) {
        super("Order " + event.orderId() + " event " + event.sequence() + " is not due until " + event.notBefore() + " (now " + now + ")");
    }
}
