package dev.patterns.local.runtime.child;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The Context a handler gets, filled from the environment and the invocation's headers as Lambda does. */
final class LocalContext implements Context {

    private final String requestId;
    private final long deadlineMillis;
    private final String functionArn;
    private final LambdaLogger logger;

    LocalContext(String requestId, long deadlineMillis, String functionArn) {
        this.requestId = requestId;
        this.deadlineMillis = deadlineMillis;
        this.functionArn = functionArn;
        this.logger = new JsonLogger(requestId, "JSON".equalsIgnoreCase(System.getenv("AWS_LAMBDA_LOG_FORMAT")));
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return System.getenv("AWS_LAMBDA_LOG_GROUP_NAME");
    }

    @Override
    public String getLogStreamName() {
        return System.getenv("AWS_LAMBDA_LOG_STREAM_NAME");
    }

    @Override
    public String getFunctionName() {
        return System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    }

    @Override
    public String getFunctionVersion() {
        return System.getenv("AWS_LAMBDA_FUNCTION_VERSION");
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128"));
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    /** LambdaLogger writing to stdout, as JSON when the function's log format is JSON. */
    private record JsonLogger(String requestId, boolean json) implements LambdaLogger {

        @Override
        public void log(String message) {
            log(message, LogLevel.INFO);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }

        @Override
        public void log(String message, LogLevel level) {
            if (json) {
                System.out.println("{\"timestamp\":\"" + Instant.now() + "\",\"level\":\"" + level + "\",\"message\":"
                        + LocalRuntimeMain.quote(message) + ",\"AWSRequestId\":\"" + requestId + "\"}");
            } else {
                System.out.println(message);
            }
            System.out.flush();
        }
    }
}
