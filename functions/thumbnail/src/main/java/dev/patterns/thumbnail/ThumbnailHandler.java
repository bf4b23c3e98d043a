package dev.patterns.thumbnail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patterns.common.AwsClients;
import dev.patterns.common.Env;
import dev.patterns.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Pattern 5: S3 upload (direct notification or through EventBridge) -> thumbnails in a second
 * bucket. Each object is handled on its own: a bad one is logged and rejected without failing
 * the others; only a failure a retry can fix fails the invocation, so Lambda retries it.
 */
public final class ThumbnailHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailHandler.class);

    private final ThumbnailService service;

    public ThumbnailHandler() {
        this(ThumbnailConfig.from(Env.system()), AwsClients.create(S3Client.builder()));
    }

    ThumbnailHandler(ThumbnailConfig config, S3Client s3) {
        this(new ThumbnailService(s3, ThumbnailRenderers.create(config), config));
    }

    ThumbnailHandler(ThumbnailService service) {
        this.service = service;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        ObjectNode summary = PowertoolsLogging.withLogging(context, () -> handle(event));
        Json.MAPPER.writeValue(output, summary);
    }

    ObjectNode handle(JsonNode event) {
        ObjectNode summary = Json.MAPPER.createObjectNode();
        switch (ObjectEvent.of(event)) {
            case ObjectEvent.TestEvent test -> {
                LOG.info("s3:TestEvent for bucket {}: notification configured, nothing to do", test.bucket());
                summary.put("testEvent", test.bucket());
            }
            case ObjectEvent.Unrecognised unrecognised -> {
                LOG.error("Event ignored: {}", unrecognised.reason());
                summary.put("ignored", unrecognised.reason());
            }
            case ObjectEvent.Uploads uploads -> {
                List<ObjectOutcome> outcomes = uploads.objects().stream().map(this::processLogged).toList();
                var results = summary.putArray("objects");
                for (ObjectOutcome outcome : outcomes) {
                    ObjectNode result = results.addObject().put("bucket", outcome.source().bucket()).put("key", outcome.source().key());
                    switch (outcome) {
                        case ObjectOutcome.Written written -> result.put("outcome", "written").putPOJO("thumbnails", written.thumbnailKeys());
                        case ObjectOutcome.Rejected rejected -> result.put("outcome", "rejected").put("reason", rejected.reason());
                        case ObjectOutcome.Skipped skipped -> result.put("outcome", "skipped").put("reason", skipped.reason());
                        case ObjectOutcome.Failed failed -> result.put("outcome", "failed").put("reason", String.valueOf(failed.cause().getMessage()));
                    }
                }
                List<ObjectOutcome.Failed> failed = outcomes.stream().filter(ObjectOutcome.Failed.class::isInstance)
                        .map(ObjectOutcome.Failed.class::cast).toList();
                if (!failed.isEmpty()) {
                    // Written thumbnails are rewritten identically on the retry, so failing the whole event is safe.
                    throw new ThumbnailRetryException(failed);
                }
            }
        }
        return summary;
    }

    private ObjectOutcome processLogged(SourceObject source) {
        MDC.put("objectKey", source.key());
        try {
            ObjectOutcome outcome = service.process(source);
            switch (outcome) {
                case ObjectOutcome.Rejected rejected -> LOG.warn("Rejected s3://{}/{}: {}", source.bucket(), source.key(), rejected.reason());
                case ObjectOutcome.Skipped skipped -> LOG.info("Skipped s3://{}/{}: {}", source.bucket(), source.key(), skipped.reason());
                case ObjectOutcome.Failed failed -> LOG.error("Failed s3://{}/{} (will be retried)", source.bucket(), source.key(), failed.cause());
                case ObjectOutcome.Written written -> { }
            }
            return outcome;
        } finally {
            MDC.remove("objectKey");
        }
    }
}
