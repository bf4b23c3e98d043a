package dev.patterns.thumbnail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The two ways an upload reaches the function: an S3 notification ({@code Records[].s3}, keys
 * form-encoded: {@code +} for a space, {@code %2B} for a plus) and an EventBridge "Object Created"
 * event ({@code detail.object}, keys as they are). Plus S3's test event, sent when a
 * notification is configured, which carries no object.
 */
public sealed interface ObjectEvent {

    record Uploads(List<SourceObject> objects) implements ObjectEvent {
    }

    record TestEvent(String bucket) implements ObjectEvent {
    }

    record Unrecognised(String reason) implements ObjectEvent {
    }

    static ObjectEvent of(JsonNode event) {
        if ("s3:TestEvent".equals(event.path("Event").asText())) {
            return new TestEvent(event.path("Bucket").asText());
        }
        if (event.path("Records").isArray()) {
            List<SourceObject> objects = new ArrayList<>();
            for (JsonNode record : event.path("Records")) {
                if (!"aws:s3".equals(record.path("eventSource").asText()) || !record.path("eventName").asText().startsWith("ObjectCreated:")) {
                    continue;
                }
                JsonNode s3 = record.path("s3");
                objects.add(new SourceObject(s3.path("bucket").path("name").asText(), decode(s3.path("object").path("key").asText()),
                        s3.path("object").path("size").asLong(-1)));
            }
            return new Uploads(objects);
        }
        if ("aws.s3".equals(event.path("source").asText()) && "Object Created".equals(event.path("detail-type").asText())) {
            JsonNode detail = event.path("detail");
            return new Uploads(List.of(new SourceObject(detail.path("bucket").path("name").asText(),
                    detail.path("object").path("key").asText(), detail.path("object").path("size").asLong(-1))));
        }
        return new Unrecognised("neither an S3 notification nor an EventBridge Object Created event: "
                + abbreviate(event.toString()));
    }

    /** S3 notifications form-encode keys; decoding once turns {@code a+b%2Bc.jpg} into {@code a b+c.jpg}. */
    static String decode(String formEncoded) {
        return URLDecoder.decode(formEncoded, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
