package dev.patterns.thumbnail;

/** The object cannot or must not be rendered; a retry would not change that. */
public final class ImageRejectedException extends Exception {

    public ImageRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
