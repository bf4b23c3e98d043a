package dev.patterns.testsupport;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.patterns.local.runtime.InvocationResult;
import dev.patterns.local.sources.SqsEventSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Feeds events from the local event sources (real queues in the emulator) to a handler in the
 * test JVM, serialized both ways as the Lambda runtime does, so a test can inject a fault into
 * the handler's dependencies. Keeps every event it passed on.
 */
public final class InProcessInvoker implements SqsEventSource.Invoker {

    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final PojoSerializer<SQSEvent> events = LambdaEventSerializers.serializerFor(SQSEvent.class, getClass().getClassLoader());
    private final PojoSerializer<SQSBatchResponse> responses =
            LambdaEventSerializers.serializerFor(SQSBatchResponse.class, getClass().getClassLoader());
    private final List<SQSEvent> received = new ArrayList<>();

    public InProcessInvoker(RequestHandler<SQSEvent, SQSBatchResponse> handler) {
        this.handler = handler;
    }

    @Override
    public InvocationResult invoke(String functionLogicalId, String event) {
        String requestId = UUID.randomUUID().toString();
        SQSEvent parsed = events.fromJson(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
        received.add(parsed);
        try {
            SQSBatchResponse response = handler.handleRequest(parsed, new TestContext(functionLogicalId, 30));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            responses.toJson(response, out);
            return new InvocationResult.Success(requestId, out.toString(StandardCharsets.UTF_8), Duration.ZERO);
        } catch (RuntimeException | Error e) {
            return new InvocationResult.FunctionError(requestId, e.getClass().getName(), e.getMessage(), "{}");
        }
    }

    public List<SQSEvent> received() {
        return List.copyOf(received);
    }
}
