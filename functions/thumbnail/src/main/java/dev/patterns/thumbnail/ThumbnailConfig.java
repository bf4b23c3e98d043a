package dev.patterns.thumbnail;

import dev.patterns.common.Env;
import java.util.Arrays;
import java.util.List;

/** The thumbnailer's settings, from the template's Environment. */
public record ThumbnailConfig(String sourceBucket, String thumbnailBucket, List<Integer> sizes, int jpegQuality, String cacheControl,
        long maxSourceBytes, long maxPixels) {

    public ThumbnailConfig {
        sizes = List.copyOf(sizes);
        if (sourceBucket.equals(thumbnailBucket)) {
            // Writing thumbnails where uploads trigger the function would trigger it again, forever.
            throw new IllegalStateException("THUMBNAIL_BUCKET must differ from SOURCE_BUCKET (" + sourceBucket + ")");
        }
        if (sizes.isEmpty() || sizes.stream().anyMatch(size -> size < 16 || size > 4096)) {
            throw new IllegalStateException("THUMBNAIL_SIZES must list longest edges between 16 and 4096, was " + sizes);
        }
    }

    public static ThumbnailConfig from(Env env) {
        List<Integer> sizes;
        try {
            sizes = Arrays.stream(env.required("THUMBNAIL_SIZES").split(",")).map(String::trim).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalStateException("THUMBNAIL_SIZES must be a comma-separated list of whole numbers", e);
        }
        return new ThumbnailConfig(env.required("SOURCE_BUCKET"), env.required("THUMBNAIL_BUCKET"), sizes,
                (int) env.optionalLong("JPEG_QUALITY", 85), env.optional("CACHE_CONTROL").orElse("public, max-age=31536000, immutable"),
                env.optionalLong("MAX_SOURCE_BYTES", 50L * 1024 * 1024), env.optionalLong("MAX_SOURCE_PIXELS", 100_000_000L));
    }
}
