package dev.patterns.topicsubscriber;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.patterns.common.AwsClients;
import dev.patterns.common.Env;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Pattern 3: SNS -> this function, invoked asynchronously. A bad notification throws, so Lambda
 * retries it (MaximumRetryAttempts 2) and then hands it to the on-failure destination queue.
 */
public final class TopicSubscriberHandler implements RequestHandler<SNSEvent, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSubscriberHandler.class);

    private final NotificationStore store;

    public TopicSubscriberHandler() {
        this(new NotificationStore(AwsClients.create(DynamoDbClient.builder()), Env.system().required("NOTIFICATIONS_TABLE_NAME")));
    }

    TopicSubscriberHandler(NotificationStore store) {
        this.store = store;
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            for (SNSEvent.SNSRecord record : event.getRecords()) {
                SNSEvent.SNS sns = record.getSNS();
                MDC.put("snsMessageId", sns.getMessageId());
                try {
                    Notification notification = Notification.parse(sns.getMessage());
                    boolean stored = store.store(notification, sns.getMessageId(), Instant.now().toString());
                    LOG.info(stored ? "Notification {} ({}) stored" : "Notification {} ({}) already stored; duplicate ignored",
                            notification.notificationId(), notification.severity());
                } catch (InvalidNotificationException e) {
                    LOG.error("{}; failing the invocation so Lambda retries and then uses the on-failure destination", e.getMessage());
                    throw e;
                } finally {
                    MDC.remove("snsMessageId");
                }
            }
            return null;
        });
    }
}
