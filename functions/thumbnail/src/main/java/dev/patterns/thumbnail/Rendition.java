package dev.patterns.thumbnail;

/** One encoded thumbnail. */
public record Rendition(int longestEdge, int width, int height, String contentType, String extension, byte[] bytes) {
}
