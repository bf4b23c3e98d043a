package dev.patterns.local.sources;

/**
 * Where the emulator delivers the events of one asynchronous event source of a function (SNS,
 * S3, an EventBridge rule). moto cannot invoke a function without Docker, so the local mode
 * points the source at a queue of its own, wired exactly as the template wires the function
 * (same topic and filter policy, same bucket events and key filter, same event pattern), and a
 * {@link TapEventSource} turns what arrives into the function's asynchronous invocations.
 */
public record Tap(String functionLogicalId, String eventName, Kind kind, String queueUrl, String sourceArn) {

    public enum Kind { SNS, S3, EVENTBRIDGE }
}
