package dev.patterns.thumbnail;

import java.util.List;

/** Some objects of the event failed in a way a retry may fix; Lambda's async retries take over. */
public final class ThumbnailRetryException extends RuntimeException {

    public ThumbnailRetryException(List<ObjectOutcome.Failed> failed) {
        super(failed.size() + " object(s) failed and will be retried: " + failed.stream()
                .map(f -> f.source().key() + " (" + f.cause().getMessage() + ")").toList(), failed.getFirst().cause());
    }
}
