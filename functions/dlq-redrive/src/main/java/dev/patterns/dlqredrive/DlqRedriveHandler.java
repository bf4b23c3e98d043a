package dev.patterns.dlqredrive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.patterns.common.AwsClients;
import dev.patterns.common.Env;
import dev.patterns.common.idempotency.DynamoDbIdempotencyStore;
import dev.patterns.common.idempotency.Idempotency;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** Moves dead letters back to their source queue, or failed asynchronous events back to their function; see {@link Redriver}. */
public final class DlqRedriveHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final Redriver redriver;

    public DlqRedriveHandler() {
        this(Env.system(), AwsClients.create(SqsClient.builder()), AwsClients.create(DynamoDbClient.builder()));
    }

    DlqRedriveHandler(Env env, SqsClient sqs, DynamoDbClient dynamoDb) {
        this(new Redriver(sqs, new Idempotency(new DynamoDbIdempotencyStore(dynamoDb, env.required("IDEMPOTENCY_TABLE_NAME")),
                Duration.ofSeconds(env.optionalLong("IDEMPOTENCY_TTL_SECONDS", Duration.ofDays(1).toSeconds())), Clock.systemUTC())));
    }

    DlqRedriveHandler(Redriver redriver) {
        this.redriver = redriver;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return PowertoolsLogging.withLogging(context, () -> redriver.redrive(RedriveRequest.from(input),
                Duration.ofMillis(context.getRemainingTimeInMillis())).toMap());
    }
}
