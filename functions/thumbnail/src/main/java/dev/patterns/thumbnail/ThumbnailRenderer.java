package dev.patterns.thumbnail;

import java.util.List;

/** Turns an image into its thumbnails; the handler's only view of the image pipeline. */
@FunctionalInterface
public interface ThumbnailRenderer {

    List<Rendition> render(byte[] image, List<Integer> longestEdges) throws ImageRejectedException;
}
