package dev.patterns.testsupport;

import dev.patterns.local.LocalSession;
import dev.patterns.local.sources.PollResult;
import dev.patterns.local.sources.QueueDrain;
import dev.patterns.local.template.Maps;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** What tests read back from queues and event-source polls. */
public final class Queues {

    private Queues() {
    }

    /** A queue's maxReceiveCount as the template declares it, so the tests follow the template. */
    public static int maxReceiveCount(LocalSession session, String queueLogicalId) {
        Object policy = session.stack().intrinsics().resolve(session.stack().template().properties(queueLogicalId).get("RedrivePolicy"));
        return Integer.parseInt(Maps.string(Maps.map(policy, "RedrivePolicy").get("maxReceiveCount"), "maxReceiveCount"));
    }

    /** How many times each message was handed to the function. */
    public static Map<String, Integer> deliveries(List<PollResult> polls) {
        Map<String, Integer> deliveries = new HashMap<>();
        polls.forEach(poll -> poll.receivedIds().forEach(id -> deliveries.merge(id, 1, Integer::sum)));
        return deliveries;
    }

    /** Receives and deletes everything in the queue, with all attributes. */
    public static List<Message> drain(SqsClient sqs, String queueUrl) {
        return QueueDrain.all(sqs, queueUrl);
    }
}
