package dev.patterns.common.batch;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Moves a message to an SQS dead-letter queue itself: same body, same message attributes, plus
 * the reason in {@value #REASON_ATTRIBUTE}. For a FIFO DLQ the message keeps its group, and its
 * source message id is the deduplication id, so a retried move is not duplicated.
 */
public final class SqsDeadLetterRouter implements DeadLetterRouter {

    public static final String REASON_ATTRIBUTE = "DeadLetterReason";
    private static final int MAX_ATTRIBUTES = 10;
    private static final int MAX_REASON_LENGTH = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SqsDeadLetterRouter.class);

    private final SqsClient sqs;
    private final String deadLetterQueueUrl;

    public SqsDeadLetterRouter(SqsClient sqs, String deadLetterQueueUrl) {
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    @Override
    public void route(SQSMessage message, String reason) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        if (message.getMessageAttributes() != null) {
            message.getMessageAttributes().forEach((name, value) -> attributes.put(name, convert(value)));
        }
        if (attributes.size() < MAX_ATTRIBUTES) {
            String text = reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
            attributes.put(REASON_ATTRIBUTE, MessageAttributeValue.builder().dataType("String").stringValue(text).build());
        } else {
            LOG.warn("Message already has {} attributes; the dead-letter reason is only in this log: {}", MAX_ATTRIBUTES, reason);
        }
        SendMessageRequest.Builder send = SendMessageRequest.builder()
                .queueUrl(deadLetterQueueUrl)
                .messageBody(message.getBody())
                .messageAttributes(attributes);
        if (deadLetterQueueUrl.endsWith(".fifo")) {
            Map<String, String> system = message.getAttributes() == null ? Map.of() : message.getAttributes();
            send.messageGroupId(system.getOrDefault("MessageGroupId", message.getMessageId()))
                    .messageDeduplicationId(message.getMessageId());
        }
        String id = sqs.sendMessage(send.build()).messageId();
        LOG.warn("Dead-lettered at once as a permanent failure ({}); DLQ message id {}", reason, id);
    }

    private static MessageAttributeValue convert(MessageAttribute value) {
        MessageAttributeValue.Builder converted = MessageAttributeValue.builder().dataType(value.getDataType());
        if (value.getStringValue() != null) {
            converted.stringValue(value.getStringValue());
        }
        ByteBuffer binary = value.getBinaryValue();
        if (binary != null) {
            converted.binaryValue(SdkBytes.fromByteBuffer(binary.duplicate()));
        }
        return converted.build();
    }
}
