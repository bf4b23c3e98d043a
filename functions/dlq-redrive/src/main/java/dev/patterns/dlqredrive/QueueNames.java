package dev.patterns.dlqredrive;

import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Queue URLs from what a person types: a URL, an ARN or a name. */
final class QueueNames {

    private QueueNames() {
    }

    static String url(SqsClient sqs, String queue) {
        if (queue.startsWith("https://") || queue.startsWith("http://")) {
            return queue;
        }
        String name = queue.startsWith("arn:") ? queue.substring(queue.lastIndexOf(':') + 1) : queue;
        return sqs.getQueueUrl(get -> get.queueName(name)).queueUrl();
    }

    /** The one queue whose redrive policy names this DLQ; null when none does (a destination of asynchronous invocations). */
    static String onlySourceOf(SqsClient sqs, String deadLetterQueueUrl) {
        List<String> sources = sqs.listDeadLetterSourceQueues(list -> list.queueUrl(deadLetterQueueUrl)).queueUrls();
        if (sources.isEmpty()) {
            return null;
        }
        if (sources.size() > 1) {
            throw new IllegalArgumentException(deadLetterQueueUrl + " is the dead-letter queue of " + sources.size()
                    + " queues " + sources + "; name the sourceQueue to move its messages to");
        }
        return sources.getFirst();
    }
}
