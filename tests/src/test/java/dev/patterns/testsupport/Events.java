package dev.patterns.testsupport;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.patterns.local.emulator.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample events of events/, loaded as the Lambda Java runtime deserializes them. */
public final class Events {

    private Events() {
    }

    public static Path file(String relative) {
        Path file = ProjectPaths.discover().events().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No sample event " + file);
        }
        return file;
    }

    public static SQSEvent sqs(String relative) {
        return EventLoader.loadSQSEvent(file(relative).toString());
    }

    public static String json(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
