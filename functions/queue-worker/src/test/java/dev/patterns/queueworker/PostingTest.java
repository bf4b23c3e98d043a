package dev.patterns.queueworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PostingTest {

    @Test
    void validBodyBecomesAPosting() throws Exception {
        assertThat(Posting.parse("{\"postingId\":\"p-1\",\"account\":\"acc-1\",\"amountCents\":-250,\"note\":\"ignored\"}"))
                .isEqualTo(new Posting("p-1", "acc-1", -250));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''                                                          | body is empty",
            "not json                                                    | body is not JSON",
            "[1,2]                                                       | body is not a JSON object",
            "{\"account\":\"a\",\"amountCents\":1}                       | postingId is missing",
            "{\"postingId\":\"p\",\"account\":\"a b\",\"amountCents\":1} | account must be 1-128",
            "{\"postingId\":\"p\",\"account\":\"a\",\"amountCents\":1.5} | amountCents must be a whole number",
            "{\"postingId\":\"p\",\"account\":\"a\",\"amountCents\":\"5\"} | amountCents must be a whole number",
            "{\"postingId\":\"p\",\"account\":\"a\",\"amountCents\":0}   | must be non-zero",
            "{\"postingId\":\"p\",\"account\":\"a\",\"amountCents\":99999999999} | must be non-zero and at most"})
    void invalidBodyIsRejectedWithItsReason(String body, String reason) {
        assertThatThrownBy(() -> Posting.parse(body)).isInstanceOf(InvalidPostingException.class).hasMessageContaining(reason);
    }
}
