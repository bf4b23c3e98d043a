package dev.patterns.thumbnail.image;

/**
 * Where the picture lies in a reduced decode, in its pixel coordinates. A decode at 1/r of a
 * picture w pixels wide has ceil(w / r) columns, but only w / r of them are picture: the last
 * one stands for fewer source pixels than the others. Resampling from this box rather than from
 * the whole raster keeps the thumbnail aligned with the photo; ignoring it stretches the picture
 * by up to one reduced pixel across its width.
 */
record ContentBox(double x0, double y0, double x1, double y1) {

    static ContentBox ofReduced(int fullWidth, int fullHeight, int reduction) {
        return new ContentBox(0, 0, (double) fullWidth / reduction, (double) fullHeight / reduction);
    }

    /** This box after {@link Orientation#apply} has turned its {@code width} x {@code height} raster. */
    ContentBox oriented(int orientation, int width, int height) {
        double w = width;
        double h = height;
        return switch (orientation) {
            case 2 -> new ContentBox(w - x1, y0, w - x0, y1);
            case 3 -> new ContentBox(w - x1, h - y1, w - x0, h - y0);
            case 4 -> new ContentBox(x0, h - y1, x1, h - y0);
            case 5 -> new ContentBox(y0, x0, y1, x1);
            case 6 -> new ContentBox(h - y1, x0, h - y0, x1);
            case 7 -> new ContentBox(h - y1, w - x1, h - y0, w - x0);
            case 8 -> new ContentBox(y0, w - x1, y1, w - x0);
            default -> this;
        };
    }
}
