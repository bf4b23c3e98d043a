package dev.patterns.orderedworker;

/** Where an order's events take effect, in order. */
public interface Timeline {

    /** @return false when the event was already applied (a redelivery): nothing was changed */
    boolean append(OrderEvent event);
}
