package dev.patterns.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patterns.local.template.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the sample events of events/, the same files `sam local invoke -e` takes. */
public final class SampleEvents {

    private SampleEvents() {
    }

    public static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read sample event " + file + ": " + e.getMessage(), e);
        }
    }

    /** The message bodies of an SQS sample event, in order. */
    public static List<String> sqsBodies(Path file) {
        List<String> bodies = new ArrayList<>();
        read(file).path("Records").forEach(record -> bodies.add(record.path("body").asText()));
        return bodies;
    }
}
