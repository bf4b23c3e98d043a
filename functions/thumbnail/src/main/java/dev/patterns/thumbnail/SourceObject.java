package dev.patterns.thumbnail;

/** An uploaded object to make thumbnails of, with its key already decoded. */
public record SourceObject(String bucket, String key, long size) {
}
