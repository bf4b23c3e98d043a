package dev.patterns.orderedworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patterns.common.batch.PermanentFailure;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderEventTest {

    @Test
    void validEventParsesWithItsHold() throws Exception {
        assertThat(OrderEvent.parse("{\"orderId\":\"o-1\",\"sequence\":3,\"type\":\"PAID\",\"notBefore\":\"2030-01-01T00:00:00Z\"}"))
                .isEqualTo(new OrderEvent("o-1", 3, "PAID", Instant.parse("2030-01-01T00:00:00Z")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nope", "[]", "{\"sequence\":1,\"type\":\"PAID\"}", "{\"orderId\":\"o\",\"sequence\":0,\"type\":\"PAID\"}",
            "{\"orderId\":\"o\",\"sequence\":1,\"type\":\"REFUNDED\"}", "{\"orderId\":\"o\",\"sequence\":1,\"type\":\"PAID\",\"notBefore\":\"soon\"}"})
    void malformedOrUnknownEventsArePermanentFailures(String body) {
        assertThatThrownBy(() -> OrderEvent.parse(body)).isInstanceOf(PermanentFailure.class);
    }
}
