package dev.patterns.local.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patterns.local.emulator.Emulator;
import dev.patterns.local.provision.ProvisionedStack;
import dev.patterns.local.runtime.FunctionSpec;
import dev.patterns.local.runtime.InvocationResult;
import dev.patterns.local.template.Json;
import dev.patterns.local.template.Maps;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Lambda's asynchronous invocation, played locally from the function's EventInvokeConfig:
 * retries up to MaximumRetryAttempts (default 2) while the event is younger than
 * MaximumEventAgeInSeconds (default 6 h), then the OnFailure destination (SQS or SNS) with
 * Lambda's invocation record, or else the function's DeadLetterQueue with the original event.
 * A success goes to the OnSuccess destination, if one is set. Lambda waits about one and then
 * two minutes between attempts; locally the retries follow at once.
 */
public final class AsyncInvoker {

    private final ProvisionedStack stack;
    private final SqsEventSource.Invoker invoker;
    private final SqsClient sqs;
    private final SnsClient sns;
    private final Clock clock;

    public AsyncInvoker(ProvisionedStack stack, SqsEventSource.Invoker invoker, SqsClient sqs, SnsClient sns, Clock clock) {
        this.stack = stack;
        this.invoker = invoker;
        this.sqs = sqs;
        this.sns = sns;
        this.clock = clock;
    }

    public AsyncOutcome invoke(String functionLogicalId, String event, Instant eventTime) {
        FunctionSpec function = FunctionSpec.of(stack, functionLogicalId);
        Map<String, Object> config = function.properties().get("EventInvokeConfig") instanceof Map<?, ?> raw
                ? Maps.map(stack.intrinsics().resolve(raw), "EventInvokeConfig") : Map.of();
        int maxRetries = Integer.parseInt(String.valueOf(config.getOrDefault("MaximumRetryAttempts", 2)));
        Duration maxAge = Duration.ofSeconds(Long.parseLong(String.valueOf(config.getOrDefault("MaximumEventAgeInSeconds", 21600))));

        List<InvocationResult> attempts = new ArrayList<>();
        String condition = "RetriesExhausted";
        while (attempts.size() <= maxRetries) {
            if (Duration.between(eventTime, clock.instant()).compareTo(maxAge) > 0) {
                condition = "EventAgeExceeded";
                break;
            }
            InvocationResult result = invoker.invoke(functionLogicalId, event);
            attempts.add(result);
            if (result.succeeded()) {
                return new AsyncOutcome(attempts, "Success", destination(config, "OnSuccess")
                        .map(arn -> send(arn, record(function, event, attempts, "Success"))).orElse(null));
            }
        }
        String finalCondition = condition;
        String sentTo = destination(config, "OnFailure")
                .map(arn -> send(arn, record(function, event, attempts, finalCondition)))
                .orElseGet(() -> deadLetterQueue(function, event, attempts));
        return new AsyncOutcome(attempts, condition, sentTo);
    }

    private java.util.Optional<String> destination(Map<String, Object> config, String kind) {
        if (config.get("DestinationConfig") instanceof Map<?, ?> destinations && destinations.get(kind) instanceof Map<?, ?> destination) {
            return java.util.Optional.of(String.valueOf(destination.get("Destination")));
        }
        return java.util.Optional.empty();
    }

    /** Lambda's invocation record for destinations. */
    private String record(FunctionSpec function, String event, List<InvocationResult> attempts, String condition) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put("version", "1.0");
        record.put("timestamp", clock.instant().toString());
        ObjectNode request = record.putObject("requestContext");
        InvocationResult last = attempts.isEmpty() ? null : attempts.getLast();
        request.put("requestId", last == null ? java.util.UUID.randomUUID().toString() : last.requestId());
        request.put("functionArn", function.functionArn(Emulator.REGION, Emulator.ACCOUNT_ID) + ":$LATEST");
        request.put("condition", condition);
        request.put("approximateInvokeCount", attempts.size());
        record.set("requestPayload", parse(event));
        ObjectNode response = record.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", "$LATEST");
        if (last != null && !last.succeeded()) {
            response.put("functionError", "Unhandled");
        }
        if (last != null) {
            record.set("responsePayload", parse(last.payload()));
        }
        return record.toString();
    }

    /** Without an OnFailure destination, the function's own DeadLetterQueue gets the original event. */
    private String deadLetterQueue(FunctionSpec function, String event, List<InvocationResult> attempts) {
        if (!(function.properties().get("DeadLetterQueue") instanceof Map<?, ?> raw)) {
            return null;
        }
        Map<String, Object> dlq = Maps.map(stack.intrinsics().resolve(raw), "DeadLetterQueue");
        String arn = String.valueOf(dlq.get("TargetArn"));
        InvocationResult last = attempts.getLast();
        String message = last instanceof InvocationResult.FunctionError error ? error.errorMessage() : last.payload();
        Map<String, MessageAttributeValue> attributes = Map.of(
                "RequestID", string(last.requestId()),
                "ErrorCode", string("200"),
                "ErrorMessage", string(message == null || message.isEmpty() ? "Unhandled" : message));
        if (arn.startsWith("arn:aws:sqs:")) {
            sqs.sendMessage(send -> send.queueUrl(queueUrl(arn)).messageBody(event).messageAttributes(attributes));
        } else {
            sns.publish(publish -> publish.topicArn(arn).message(event));
        }
        return arn;
    }

    private String send(String arn, String body) {
        if (arn.startsWith("arn:aws:sqs:")) {
            sqs.sendMessage(send -> send.queueUrl(queueUrl(arn)).messageBody(body));
        } else if (arn.startsWith("arn:aws:sns:")) {
            sns.publish(publish -> publish.topicArn(arn).message(body));
        } else {
            throw new UnsupportedOperationException("The local mode delivers async destinations to SQS and SNS only, not " + arn);
        }
        return arn;
    }

    private String queueUrl(String arn) {
        return stack.byArn(arn).map(resource -> resource.ref())
                .orElseGet(() -> sqs.getQueueUrl(get -> get.queueName(arn.substring(arn.lastIndexOf(':') + 1))).queueUrl());
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static JsonNode parse(String json) {
        try {
            return json == null || json.isBlank() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(json);
        } catch (IOException notJson) {
            return Json.MAPPER.getNodeFactory().textNode(json);
        }
    }
}
