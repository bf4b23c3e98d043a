package dev.patterns.thumbnail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * One upload in, every configured thumbnail out, in the thumbnail bucket under
 * {@code <size>/<source key>} (extension per output format). Writing is deterministic, so a
 * repeated event rewrites the same objects and is harmless.
 */
public final class ThumbnailService {

    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailService.class);

    private final S3Client s3;
    private final ThumbnailRenderer renderer;
    private final ThumbnailConfig config;

    public ThumbnailService(S3Client s3, ThumbnailRenderer renderer, ThumbnailConfig config) {
        this.s3 = s3;
        this.renderer = renderer;
        this.config = config;
    }

    public ObjectOutcome process(SourceObject source) {
        if (!source.bucket().equals(config.sourceBucket())) {
            return new ObjectOutcome.Skipped(source, "not in the source bucket " + config.sourceBucket());
        }
        if (source.size() == 0) {
            return new ObjectOutcome.Rejected(source, "zero-byte object");
        }
        if (source.size() > config.maxSourceBytes()) {
            return new ObjectOutcome.Rejected(source, "object of " + source.size() + " bytes is over the " + config.maxSourceBytes() + "-byte limit");
        }
        byte[] image;
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(get -> get.bucket(source.bucket()).key(source.key()));
            image = object.asByteArray();
        } catch (NoSuchKeyException gone) {
            // Deleted since the event: nothing to do, and no retry will change that.
            return new ObjectOutcome.Skipped(source, "object no longer exists");
        } catch (RuntimeException e) {
            return new ObjectOutcome.Failed(source, e);
        }
        if (image.length == 0) {
            return new ObjectOutcome.Rejected(source, "zero-byte object");
        }
        List<Rendition> renditions;
        try {
            renditions = renderer.render(image, config.sizes());
        } catch (ImageRejectedException e) {
            return new ObjectOutcome.Rejected(source, e.getMessage());
        }
        List<String> written = new ArrayList<>();
        try {
            for (Rendition rendition : renditions) {
                String key = thumbnailKey(rendition, source.key());
                s3.putObject(put -> put.bucket(config.thumbnailBucket()).key(key)
                        .contentType(rendition.contentType())
                        .cacheControl(config.cacheControl())
                        .metadata(Map.of("source-key", asciiSafe(source.key()), "width", Integer.toString(rendition.width()),
                                "height", Integer.toString(rendition.height()))), RequestBody.fromBytes(rendition.bytes()));
                written.add(key);
            }
        } catch (RuntimeException e) {
            return new ObjectOutcome.Failed(source, e);
        }
        LOG.info("Thumbnails of s3://{}/{} written: {}", source.bucket(), source.key(), written);
        return new ObjectOutcome.Written(source, written);
    }

    static String thumbnailKey(Rendition rendition, String sourceKey) {
        int slash = sourceKey.lastIndexOf('/');
        int dot = sourceKey.lastIndexOf('.');
        String stem = dot > slash ? sourceKey.substring(0, dot) : sourceKey;
        return rendition.longestEdge() + "/" + stem + "." + rendition.extension();
    }

    /** User metadata travels as HTTP headers: keep it ASCII, percent-encoding the rest. */
    private static String asciiSafe(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
