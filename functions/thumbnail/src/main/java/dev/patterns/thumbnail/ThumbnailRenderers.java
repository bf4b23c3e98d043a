package dev.patterns.thumbnail;

import dev.patterns.thumbnail.image.ImagePipeline;

/** The renderer the function uses. */
final class ThumbnailRenderers {

    private ThumbnailRenderers() {
    }

    static ThumbnailRenderer create(ThumbnailConfig config) {
        return new ImagePipeline(config.maxPixels(), config.jpegQuality());
    }
}
