package dev.patterns.local.sources;

import dev.patterns.local.runtime.InvocationResult;
import java.util.List;

/**
 * What Lambda's asynchronous invocation did with one event: every attempt's result, and where the
 * event went when they ran out (the on-failure destination or dead-letter queue), if anywhere.
 */
public record AsyncOutcome(List<InvocationResult> attempts, String condition, String sentTo) {

    public AsyncOutcome {
        attempts = List.copyOf(attempts);
    }

    public boolean succeeded() {
        return !attempts.isEmpty() && attempts.getLast().succeeded();
    }
}
