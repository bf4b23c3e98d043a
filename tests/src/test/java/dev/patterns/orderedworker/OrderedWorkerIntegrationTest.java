package dev.patterns.orderedworker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patterns.common.Env;
import dev.patterns.local.LocalSession;
import dev.patterns.local.runtime.FunctionSpec;
import dev.patterns.local.sources.PollResult;
import dev.patterns.local.sources.SqsEventMapping;
import dev.patterns.local.sources.SqsEventSource;
import dev.patterns.testsupport.EmulatorExtension;
import dev.patterns.testsupport.InProcessInvoker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * FIFO semantics of the ordered worker: the template's FIFO queue in the emulator, the local
 * event source, the handler in the test JVM with a timeline that can fail a chosen event once.
 */
@ExtendWith(EmulatorExtension.class)
class OrderedWorkerIntegrationTest {

    private final LocalSession session;
    private final SqsClient sqs;
    private final DynamoDbClient dynamoDb;
    private final OrderedWorkerConfig config;
    private final List<String> executed = new CopyOnWriteArrayList<>();

    OrderedWorkerIntegrationTest(LocalSession session) {
        this.session = session;
        this.sqs = session.clients().create(SqsClient.builder());
        this.dynamoDb = session.clients().create(DynamoDbClient.builder());
        this.config = OrderedWorkerConfig.from(new Env(FunctionSpec.of(session.stack(), "OrderedWorkerFunction").environment()));
    }

    @Test
    void failureOfMessageThreeOfTenRunsOneAndTwoReturnsThreeToTenUnrunAndKeepsOrderOnRedelivery() {
        List<String> ids = send("o-failing", 10);
        SqsEventSource source = source(failOnceAt(Set.of("o-failing:3")));

        PollResult first = source.pollOnce();

        assertThat(first.receivedIds()).containsExactlyElementsOf(ids);
        assertThat(executed).containsExactly("o-failing:1", "o-failing:2", "o-failing:3");
        assertThat(first.deletedIds()).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(first.returnedIds()).containsExactlyElementsOf(ids.subList(2, 10));

        source.drain(10);

        assertThat(timeline("o-failing")).containsExactly(events("o-failing", 1, 10).toArray(String[]::new));
        assertThat(executed.subList(3, executed.size())).containsExactly(events("o-failing", 3, 10).toArray(String[]::new));
    }

    @Test
    void onlyTheFailingGroupStopsWhileTheInterleavedGroupKeepsFlowing() {
        for (int sequence = 1; sequence <= 5; sequence++) {
            send("o-red", sequence, "PAID");
            send("o-blue", sequence, "PAID");
        }
        SqsEventSource source = source(failOnceAt(Set.of("o-red:2")));

        PollResult first = source.pollOnce();

        assertThat(executed).containsExactly("o-red:1", "o-blue:1", "o-red:2", "o-blue:2", "o-blue:3", "o-blue:4", "o-blue:5");
        assertThat(first.returnedIds()).hasSize(4);
        source.drain(10);
        assertThat(timeline("o-red")).containsExactly(events("o-red", 1, 5).toArray(String[]::new));
        assertThat(timeline("o-blue")).containsExactly(events("o-blue", 1, 5).toArray(String[]::new));
    }

    private SqsEventSource source(Timeline timeline) {
        OrderedWorkerHandler handler = new OrderedWorkerHandler(config, timeline, sqs, Clock.systemUTC());
        return new SqsEventSource(sqs, SqsEventMapping.of(session.stack(), "OrderedWorkerFunction"), new InProcessInvoker(handler));
    }

    /** The real timeline, failing each named event the first time it is attempted. */
    private Timeline failOnceAt(Set<String> failing) {
        Timeline real = new DynamoDbTimeline(dynamoDb, config.timelineTable());
        Set<String> failed = new HashSet<>();
        return event -> {
            String key = event.orderId() + ":" + event.sequence();
            executed.add(key);
            if (failing.contains(key) && failed.add(key)) {
                throw new IllegalStateException("downstream hiccup at " + key);
            }
            return real.append(event);
        };
    }

    private List<String> send(String orderId, int count) {
        List<String> ids = new ArrayList<>();
        for (int sequence = 1; sequence <= count; sequence++) {
            ids.add(send(orderId, sequence, "PACKED"));
        }
        return ids;
    }

    private String send(String orderId, int sequence, String type) {
        String body = "{\"orderId\":\"" + orderId + "\",\"sequence\":" + sequence + ",\"type\":\"" + type + "\"}";
        return sqs.sendMessage(send -> send.queueUrl(session.stack().ref("OrderedQueue")).messageBody(body).messageGroupId(orderId)).messageId();
    }

    private List<String> timeline(String orderId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(config.timelineTable())
                .key(Map.of("orderId", AttributeValue.fromS(orderId))).consistentRead(true)).item();
        return item.isEmpty() ? List.of() : item.get("events").l().stream().map(value -> orderId + ":" + value.s().split(":")[0]).toList();
    }

    private static List<String> events(String orderId, int from, int to) {
        List<String> events = new ArrayList<>();
        for (int sequence = from; sequence <= to; sequence++) {
            events.add(orderId + ":" + sequence);
        }
        return events;
    }
}
