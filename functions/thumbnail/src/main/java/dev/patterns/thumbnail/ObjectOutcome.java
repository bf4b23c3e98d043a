package dev.patterns.thumbnail;

import java.util.List;

/** What became of one uploaded object. */
public sealed interface ObjectOutcome {

    SourceObject source();

    /** Thumbnails written (or rewritten, identically, on a repeated event). */
    record Written(SourceObject source, List<String> thumbnailKeys) implements ObjectOutcome {
    }

    /** Never retried: the object is not an image we can or should render (non-image, bomb, truncated, empty). */
    record Rejected(SourceObject source, String reason) implements ObjectOutcome {
    }

    /** Ignored by design (e.g. it is not in the source bucket, so could be our own output). */
    record Skipped(SourceObject source, String reason) implements ObjectOutcome {
    }

    /** A failure a retry may fix (S3 unavailable, throttling): the invocation fails so Lambda retries it. */
    record Failed(SourceObject source, Exception cause) implements ObjectOutcome {
    }
}
