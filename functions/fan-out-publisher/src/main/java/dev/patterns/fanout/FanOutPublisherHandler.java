package dev.patterns.fanout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.patterns.common.AwsClients;
import dev.patterns.common.Env;
import dev.patterns.common.Json;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** Pattern 4: one order event in, one SNS publish out; the topic fans it out to the queues. */
public final class FanOutPublisherHandler implements RequestHandler<Map<String, Object>, Map<String, String>> {

    private static final Logger LOG = LoggerFactory.getLogger(FanOutPublisherHandler.class);

    private final OrderEventPublisher publisher;

    public FanOutPublisherHandler() {
        this(new OrderEventPublisher(AwsClients.create(SnsClient.builder()), Env.system().required("ORDER_EVENTS_TOPIC_ARN")));
    }

    FanOutPublisherHandler(OrderEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Map<String, String> handleRequest(Map<String, Object> event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            String messageId = publisher.publish(Json.MAPPER.valueToTree(event));
            LOG.info("Order event {} for order {} published once as {}", event.get("eventType"), event.get("orderId"), messageId);
            return Map.of("messageId", messageId);
        });
    }
}
