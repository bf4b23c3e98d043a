package dev.patterns.thumbnail.image;

/** Applies an EXIF orientation (1-8) to packed pixels, so the thumbnail looks the way the photo was taken. */
final class Orientation {

    private Orientation() {
    }

    static Pixels apply(Pixels image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.width();
        int h = image.height();
        boolean swap = orientation >= 5;
        int outW = swap ? h : w;
        int outH = swap ? w : h;
        int[] out = new int[outW * outH];
        int[] in = image.argb();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int tx;
                int ty;
                switch (orientation) {
                    case 2 -> { tx = w - 1 - x; ty = y; }
                    case 3 -> { tx = w - 1 - x; ty = h - 1 - y; }
                    case 4 -> { tx = x; ty = h - 1 - y; }
                    case 5 -> { tx = y; ty = x; }
                    case 6 -> { tx = h - 1 - y; ty = x; }
                    case 7 -> { tx = h - 1 - y; ty = w - 1 - x; }
                    default -> { tx = y; ty = w - 1 - x; }
                }
                out[ty * outW + tx] = in[y * w + x];
            }
        }
        return new Pixels(outW, outH, out, image.alpha());
    }
}
