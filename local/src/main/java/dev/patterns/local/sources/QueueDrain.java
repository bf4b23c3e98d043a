package dev.patterns.local.sources;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Reads a queue to the end: what the main job and the tests use to see where messages ended up. */
public final class QueueDrain {

    private QueueDrain() {
    }

    /** Receives and deletes everything visible in the queue, with all system and message attributes. */
    public static List<Message> all(SqsClient sqs, String queueUrl) {
        List<Message> all = new ArrayList<>();
        for (List<Message> batch = receive(sqs, queueUrl); !batch.isEmpty(); batch = receive(sqs, queueUrl)) {
            all.addAll(batch);
            batch.forEach(message -> sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle())));
        }
        return all;
    }

    private static List<Message> receive(SqsClient sqs, String queueUrl) {
        return sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
    }
}
