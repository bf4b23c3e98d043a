package dev.patterns.dlqredrive;

import dev.patterns.common.AwsClients;
import dev.patterns.common.idempotency.Idempotency;
import dev.patterns.common.idempotency.IdempotentResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Moves messages from a dead-letter queue back to their source queue, each exactly once even
 * when a run is interrupted and run again: the move of a DLQ message is claimed in the
 * idempotency table before it is sent and completed with the new message id after; a rerun that
 * finds it completed only deletes it from the DLQ. A FIFO message keeps its MessageGroupId and
 * gets a fresh, stable deduplication id ({@code redrive-<DLQ message id>}), and messages are
 * sent in the order the DLQ gives them. A dry run sends and deletes nothing and leaves every
 * message visible again.
 *
 * <p>A queue that is no queue's DLQ but the failure destination of asynchronous invocations holds
 * Lambda destination records: each is redriven by invoking the function it names again,
 * asynchronously (so its retries and destinations apply once more), with the event it failed on.
 * A message there that is not such a record is left where it is and reported as skipped, as is
 * any message whose destination refuses it (the reason in the report and the log).
 */
public final class Redriver {

    private static final Logger LOG = LoggerFactory.getLogger(Redriver.class);
    private static final String DEAD_LETTER_REASON = "DeadLetterReason";
    private static final int PREVIEW = 200;

    private final SqsClient sqs;
    private final Idempotency idempotency;
    private final Supplier<LambdaClient> newLambdaClient;
    private LambdaClient lambda;

    /** With the default Lambda client, built when a destination record is first redriven: queue-to-queue runs never build one. */
    public Redriver(SqsClient sqs, Idempotency idempotency) {
        this(sqs, idempotency, () -> AwsClients.create(LambdaClient.builder()));
    }

    public Redriver(SqsClient sqs, Idempotency idempotency, Supplier<LambdaClient> newLambdaClient) {
        this.sqs = sqs;
        this.idempotency = idempotency;
        this.newLambdaClient = newLambdaClient;
    }

    public RedriveReport redrive(RedriveRequest request, Duration timeLeft) {
        String dlq = QueueNames.url(sqs, request.deadLetterQueue());
        String source = request.sourceQueue() == null ? QueueNames.onlySourceOf(sqs, dlq) : QueueNames.url(sqs, request.sourceQueue());
        List<RedriveReport.Entry> entries = new ArrayList<>();
        List<Message> leftInPlace = new ArrayList<>();
        while (entries.size() < request.maxMessages()) {
            int want = Math.min(10, request.maxMessages() - entries.size());
            List<Message> batch = sqs.receiveMessage(receive -> receive.queueUrl(dlq).maxNumberOfMessages(want).waitTimeSeconds(0)
                    .visibilityTimeout(request.visibilityTimeoutSeconds())
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                break;
            }
            for (Message message : batch) {
                Optional<FailedInvocation> record = source == null ? FailedInvocation.parse(message.body()) : Optional.empty();
                String destination = source != null ? source : record.map(FailedInvocation::functionArn).orElse(null);
                if (destination == null) {
                    LOG.warn("Dead letter {} in {} is not a Lambda destination record and the queue is no queue's DLQ; left in place",
                            message.messageId(), dlq);
                    leftInPlace.add(message);
                    entries.add(entry(message, null, null, false, "not a Lambda destination record, and no source queue to send it to"));
                } else if (request.dryRun()) {
                    leftInPlace.add(message);
                    entries.add(entry(message, destination, null, false, null));
                } else {
                    RedriveReport.Entry entry = move(message, dlq, destination,
                            () -> source != null ? send(message, source) : reinvoke(record.get()), timeLeft);
                    if (entry.skipped() != null) {
                        leftInPlace.add(message);
                    }
                    entries.add(entry);
                }
            }
        }
        for (Message message : leftInPlace) {
            sqs.changeMessageVisibility(change -> change.queueUrl(dlq).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
        }
        int remaining = Integer.parseInt(sqs.getQueueAttributes(get -> get.queueUrl(dlq)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        RedriveReport report = new RedriveReport(dlq, source, request.dryRun(), entries, remaining);
        LOG.info("{} {} message(s) from {} to {} ({} already moved by an earlier run, {} skipped); {} left in the DLQ",
                request.dryRun() ? "Would move" : "Moved", request.dryRun() ? entries.size() - report.skipped() : report.moved(), dlq,
                source != null ? source : "the functions of their destination records", report.alreadyMoved(), report.skipped(), remaining);
        return report;
    }

    private RedriveReport.Entry move(Message message, String dlq, String destination, Supplier<String> sendOnce, Duration timeLeft) {
        IdempotentResult sent;
        try {
            sent = idempotency.once("redrive#" + message.messageId(), timeLeft, sendOnce);
        } catch (SdkException refused) {
            // One destination refusing (a deleted function, a missing permission) must not stop the rest, nor lose this one.
            LOG.error("Dead letter {} could not be moved to {}; left in place: {}", message.messageId(), destination, refused.getMessage());
            return entry(message, destination, null, false, "failed: " + refused.getMessage());
        }
        sqs.deleteMessage(delete -> delete.queueUrl(dlq).receiptHandle(message.receiptHandle()));
        boolean earlier = sent instanceof IdempotentResult.Replayed;
        LOG.info("Dead letter {} {} to {} as {}", message.messageId(), earlier ? "had already been moved" : "moved", destination, sent.value());
        return entry(message, destination, sent.value(), earlier, null);
    }

    /** Lambda's asynchronous invocation, as the original delivery was; returns its request id. */
    private String reinvoke(FailedInvocation record) {
        if (lambda == null) {
            lambda = newLambdaClient.get();
        }
        InvokeResponse response = lambda.invoke(invoke -> invoke.functionName(record.functionArn())
                .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String(record.payload())));
        if (response.statusCode() != 202) {
            throw new IllegalStateException("Invoking " + record.functionArn() + " asynchronously returned status " + response.statusCode());
        }
        return response.responseMetadata().requestId();
    }

    private String send(Message message, String source) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>(message.messageAttributes());
        // The reason belongs to the failure that sent it to the DLQ, not to the next attempt.
        attributes.remove(DEAD_LETTER_REASON);
        SendMessageRequest.Builder send = SendMessageRequest.builder().queueUrl(source).messageBody(message.body()).messageAttributes(attributes);
        if (source.endsWith(".fifo")) {
            String group = message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
            send.messageGroupId(group == null ? message.messageId() : group).messageDeduplicationId("redrive-" + message.messageId());
        }
        return sqs.sendMessage(send.build()).messageId();
    }

    private static RedriveReport.Entry entry(Message message, String destination, String newId, boolean alreadyMoved, String skipped) {
        String body = message.body();
        return new RedriveReport.Entry(message.messageId(), message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID),
                body.length() <= PREVIEW ? body : body.substring(0, PREVIEW) + "...",
                Integer.parseInt(message.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "0")),
                destination, newId, alreadyMoved, skipped);
    }
}
