package dev.patterns.local.sources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patterns.local.emulator.Emulator;
import dev.patterns.local.runtime.InvocationResult;
import dev.patterns.local.template.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Lambda's SQS event source mapping, played locally: receive up to BatchSize messages, invoke the
 * function with an event shaped exactly like Lambda's, delete what succeeded and return the rest.
 *
 * <p>One deliberate difference: returned messages are made visible at once instead of after the
 * queue's VisibilityTimeout, so a poison message's receives happen in seconds. Each receive still
 * counts, so the move to the DLQ is the emulator's own, by the queue's maxReceiveCount.
 */
public final class SqsEventSource {

    /** How the event source calls the function. */
    @FunctionalInterface
    public interface Invoker {
        InvocationResult invoke(String functionLogicalId, String event);
    }

    private final SqsClient sqs;
    private final SqsEventMapping mapping;
    private final Invoker invoker;

    public SqsEventSource(SqsClient sqs, SqsEventMapping mapping, Invoker invoker) {
        this.sqs = sqs;
        this.mapping = mapping;
        this.invoker = invoker;
    }

    public SqsEventMapping mapping() {
        return mapping;
    }

    /** One receive-invoke-settle cycle. */
    public PollResult pollOnce() {
        List<Message> batch = receive();
        if (batch.isEmpty()) {
            return new PollResult(List.of(), List.of(), List.of(), null, "queue empty");
        }
        List<String> ids = batch.stream().map(Message::messageId).toList();
        InvocationResult result = invoker.invoke(mapping.functionLogicalId(), event(batch));
        BatchResponseVerdict verdict = BatchResponseVerdict.of(result, ids, mapping.reportBatchItemFailures());
        List<Message> done = batch.stream().filter(message -> !verdict.returned().contains(message.messageId())).toList();
        List<Message> back = batch.stream().filter(message -> verdict.returned().contains(message.messageId())).toList();
        delete(done);
        makeVisible(back);
        return new PollResult(ids, done.stream().map(Message::messageId).toList(), back.stream().map(Message::messageId).toList(),
                result, verdict.reason());
    }

    /** Polls until a receive finds nothing visible; returns every poll, in order. */
    public List<PollResult> drain(int maxPolls) {
        List<PollResult> polls = new ArrayList<>();
        for (int i = 0; i < maxPolls; i++) {
            PollResult poll = pollOnce();
            if (poll.receivedNothing()) {
                return polls;
            }
            polls.add(poll);
        }
        throw new IllegalStateException("Queue " + mapping.queueUrl() + " still had messages after " + maxPolls + " polls");
    }

    private List<Message> receive() {
        List<Message> batch = new ArrayList<>();
        while (batch.size() < mapping.batchSize()) {
            int want = Math.min(10, mapping.batchSize() - batch.size());
            List<Message> received = sqs.receiveMessage(receive -> receive.queueUrl(mapping.queueUrl())
                    .maxNumberOfMessages(want)
                    .waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")).messages();
            if (received.isEmpty()) {
                break;
            }
            batch.addAll(received);
        }
        return batch;
    }

    /** The event Lambda builds from received messages (aws:sqs records). */
    String event(List<Message> batch) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : batch) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            message.messageAttributes().forEach((name, value) -> {
                ObjectNode attribute = messageAttributes.putObject(name);
                if (value.stringValue() != null) {
                    attribute.put("stringValue", value.stringValue());
                }
                if (value.binaryValue() != null) {
                    attribute.put("binaryValue", Base64.getEncoder().encodeToString(value.binaryValue().asByteArray()));
                }
                attribute.putArray("stringListValues");
                attribute.putArray("binaryListValues");
                attribute.put("dataType", value.dataType());
            });
            record.put("md5OfBody", message.md5OfBody());
            if (message.md5OfMessageAttributes() != null) {
                record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
            }
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", mapping.queueArn());
            record.put("awsRegion", Emulator.REGION);
        }
        return event.toString();
    }

    private void delete(List<Message> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + 10));
            sqs.deleteMessageBatch(delete -> delete.queueUrl(mapping.queueUrl()).entries(chunk.stream()
                    .map(message -> DeleteMessageBatchRequestEntry.builder().id(message.messageId()).receiptHandle(message.receiptHandle()).build())
                    .toList()));
        }
    }

    private void makeVisible(List<Message> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + 10));
            sqs.changeMessageVisibilityBatch(change -> change.queueUrl(mapping.queueUrl()).entries(chunk.stream()
                    .map(message -> ChangeMessageVisibilityBatchRequestEntry.builder().id(message.messageId())
                            .receiptHandle(message.receiptHandle()).visibilityTimeout(0).build())
                    .toList()));
        }
    }
}
