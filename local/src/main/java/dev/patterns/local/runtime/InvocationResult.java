package dev.patterns.local.runtime;

import java.time.Duration;

/** How one local invocation ended, as Lambda would report it. */
public sealed interface InvocationResult {

    String requestId();

    /** The handler returned; {@code payload} is its serialized response. */
    record Success(String requestId, String payload, Duration duration) implements InvocationResult {
    }

    /** The handler threw, or its init failed, or its process died; {@code payload} is Lambda's error document. */
    record FunctionError(String requestId, String errorType, String errorMessage, String payload) implements InvocationResult {
    }

    /** The handler did not answer within the function's Timeout; its environment was discarded. */
    record TimedOut(String requestId, Duration timeout) implements InvocationResult {
    }

    default boolean succeeded() {
        return this instanceof Success;
    }

    /** What an API caller of Lambda.Invoke would see as the response body. */
    default String payload() {
        return switch (this) {
            case Success success -> success.payload();
            case FunctionError error -> error.payload();
            case TimedOut timedOut -> "{\"errorMessage\":\"Task timed out after " + timedOut.timeout().toMillis() / 1000.0
                    + " seconds\",\"errorType\":\"Sandbox.Timedout\"}";
        };
    }
}
