package dev.patterns.local.sources;

import dev.patterns.local.runtime.InvocationResult;
import java.util.List;

/**
 * One poll of an SQS event source: what was received and handed to the function, what was
 * deleted as done, and what went back to the queue (and why).
 */
public record PollResult(List<String> receivedIds, List<String> deletedIds, List<String> returnedIds,
        InvocationResult invocation, String verdict) {

    public PollResult {
        receivedIds = List.copyOf(receivedIds);
        deletedIds = List.copyOf(deletedIds);
        returnedIds = List.copyOf(returnedIds);
    }

    public boolean receivedNothing() {
        return receivedIds.isEmpty();
    }
}
