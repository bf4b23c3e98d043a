package dev.patterns.dlqredrive;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.ListDeadLetterSourceQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListDeadLetterSourceQueuesResponse;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * The real client, talking to the emulator, except that the n-th DeleteMessage dies: a move
 * interrupted between sending a message back and removing it from the DLQ.
 */
final class DeleteFailingSqsClient implements SqsClient {

    private final SqsClient real;
    private final int failingDelete;
    private final AtomicInteger deletes = new AtomicInteger();

    DeleteFailingSqsClient(SqsClient real, int failingDelete) {
        this.real = real;
        this.failingDelete = failingDelete;
    }

    @Override
    public DeleteMessageResponse deleteMessage(DeleteMessageRequest request) {
        if (deletes.incrementAndGet() == failingDelete) {
            throw new IllegalStateException("process killed after sending, before deleting from the DLQ");
        }
        return real.deleteMessage(request);
    }

    @Override
    public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
        return real.receiveMessage(request);
    }

    @Override
    public SendMessageResponse sendMessage(SendMessageRequest request) {
        return real.sendMessage(request);
    }

    @Override
    public ChangeMessageVisibilityResponse changeMessageVisibility(ChangeMessageVisibilityRequest request) {
        return real.changeMessageVisibility(request);
    }

    @Override
    public GetQueueAttributesResponse getQueueAttributes(GetQueueAttributesRequest request) {
        return real.getQueueAttributes(request);
    }

    @Override
    public GetQueueUrlResponse getQueueUrl(GetQueueUrlRequest request) {
        return real.getQueueUrl(request);
    }

    @Override
    public ListDeadLetterSourceQueuesResponse listDeadLetterSourceQueues(ListDeadLetterSourceQueuesRequest request) {
        return real.listDeadLetterSourceQueues(request);
    }

    @Override
    public String serviceName() {
        return real.serviceName();
    }

    @Override
    public void close() {
        real.close();
    }
}
