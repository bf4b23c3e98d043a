package dev.patterns.dlqredrive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FailedInvocationTest {

    @Test
    void destinationRecordGivesTheFunctionAndTheEventItFailedOnVerbatim() {
        String record = """
                {"version":"1.0","requestContext":{"requestId":"r-1","functionArn":"arn:aws:lambda:eu-west-1:1:function:f:$LATEST",
                 "condition":"RetriesExhausted","approximateInvokeCount":3},
                 "requestPayload":{"Records":[{"Sns":{"Message":"{\\"a\\":1}"}}]},"responsePayload":{"errorMessage":"boom"}}""";

        FailedInvocation failed = FailedInvocation.parse(record).orElseThrow();

        assertThat(failed.functionArn()).isEqualTo("arn:aws:lambda:eu-west-1:1:function:f:$LATEST");
        assertThat(failed.payload()).isEqualTo("{\"Records\":[{\"Sns\":{\"Message\":\"{\\\"a\\\":1}\"}}]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "[1,2]",
        "{\"eventType\":\"OrderPlaced\"}",
        "{\"requestContext\":{\"functionArn\":\"arn:aws:lambda:eu-west-1:1:function:f\"}}",
        "{\"requestContext\":{\"functionArn\":\"f\"},\"requestPayload\":{}}"})
    void anythingElseIsNoDestinationRecord(String body) {
        assertThat(FailedInvocation.parse(body)).isEmpty();
    }
}
