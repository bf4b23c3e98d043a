package dev.patterns.local.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class EmulatorLifecycleTest {

    @Test
    void startsOnAFreeLoopbackPortAnswersTheAwsApiAndLeavesNothingRunningWhenClosed() {
        Emulator emulator = Emulator.start(ProjectPaths.discover());
        ProcessHandle process = ProcessHandle.of(emulator.pid()).orElseThrow();
        int port = emulator.endpoint().getPort();
        try {
            assertThat(emulator.endpoint().getHost()).isEqualTo("127.0.0.1");
            SqsClient sqs = new AwsClientFactory(emulator.endpoint()).create(SqsClient.builder());
            sqs.createQueue(create -> create.queueName("lifecycle"));
            assertThat(sqs.listQueues().queueUrls()).anyMatch(url -> url.endsWith("/lifecycle"));
        } finally {
            emulator.close();
        }

        assertThat(process.isAlive()).isFalse();
        assertThat(process.descendants()).isEmpty();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    }
}
