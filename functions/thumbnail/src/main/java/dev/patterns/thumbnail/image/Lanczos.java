package dev.patterns.thumbnail.image;

/**
 * Separable Lanczos-3 resampling of packed pixels, with premultiplied alpha so transparent
 * edges do not bleed colour: the same filter Pillow uses for LANCZOS.
 */
final class Lanczos {

    private static final double RADIUS = 3.0;

    private Lanczos() {
    }

    /** Resamples the part of {@code source} inside {@code box} (fractional edges allowed) to {@code width} x {@code height}. */
    static Pixels resize(Pixels source, ContentBox box, int width, int height) {
        if (source.width() == width && source.height() == height && box.equals(new ContentBox(0, 0, width, height))) {
            return source;
        }
        float[] rows = horizontal(source, Kernels.of(source.width(), box.x0(), box.x1(), width), width);
        return pack(vertical(rows, width, Kernels.of(source.height(), box.y0(), box.y1(), height), height), width, height, source.alpha());
    }

    /** Normalized Lanczos weights from {@code srcLength} to {@code dstLength} samples, with each output's first input. */
    private record Kernels(int[] starts, float[][] weights) {

        /** Output sample i covers [from + i * scale, from + (i + 1) * scale) of the {@code srcLength} input samples. */
        static Kernels of(int srcLength, double from, double to, int dstLength) {
            double scale = (to - from) / dstLength;
            double support = RADIUS * Math.max(1.0, scale);
            double filterScale = 1.0 / Math.max(1.0, scale);
            int[] starts = new int[dstLength];
            float[][] weights = new float[dstLength][];
            for (int i = 0; i < dstLength; i++) {
                double center = from + (i + 0.5) * scale;
                int start = Math.clamp((long) Math.floor(center - support), 0, srcLength - 1);
                int end = Math.clamp((long) Math.ceil(center + support), start + 1, srcLength);
                float[] kernel = new float[end - start];
                double sum = 0;
                for (int j = start; j < end; j++) {
                    double weight = lanczos((j + 0.5 - center) * filterScale);
                    kernel[j - start] = (float) weight;
                    sum += weight;
                }
                if (sum == 0) { // a centre past the last sample (a subsampled decode one short): repeat the edge
                    kernel[kernel.length - 1] = 1;
                    sum = 1;
                }
                for (int j = 0; j < kernel.length; j++) {
                    kernel[j] /= (float) sum;
                }
                starts[i] = start;
                weights[i] = kernel;
            }
            return new Kernels(starts, weights);
        }
    }

    /**
     * Rows to {@code width}, reading the packed pixels as it goes (no full-size float copy of the
     * decoded image), into premultiplied (a, r, g, b) floats.
     */
    private static float[] horizontal(Pixels source, Kernels kernels, int width) {
        int[] argb = source.argb();
        boolean alpha = source.alpha();
        float[] out = new float[width * source.height() * 4];
        for (int line = 0; line < source.height(); line++) {
            int rowStart = line * source.width();
            for (int i = 0; i < width; i++) {
                float[] kernel = kernels.weights()[i];
                int first = rowStart + kernels.starts()[i];
                float a = 0;
                float r = 0;
                float g = 0;
                float b = 0;
                for (int k = 0; k < kernel.length; k++) {
                    int p = argb[first + k];
                    float weight = alpha ? kernel[k] * (p >>> 24) / 255f : kernel[k];
                    a += weight;
                    r += ((p >> 16) & 0xFF) * weight;
                    g += ((p >> 8) & 0xFF) * weight;
                    b += (p & 0xFF) * weight;
                }
                int to = (line * width + i) * 4;
                out[to] = a;
                out[to + 1] = r;
                out[to + 2] = g;
                out[to + 3] = b;
            }
        }
        return out;
    }

    /** Columns of {@code rows} ({@code width} x {@code srcHeight}) to {@code height}, whole rows at a time so memory is read in order. */
    private static float[] vertical(float[] rows, int width, Kernels kernels, int height) {
        int rowLength = width * 4;
        float[] out = new float[rowLength * height];
        for (int i = 0; i < height; i++) {
            float[] kernel = kernels.weights()[i];
            int to = i * rowLength;
            for (int k = 0; k < kernel.length; k++) {
                int from = (kernels.starts()[i] + k) * rowLength;
                float weight = kernel[k];
                for (int x = 0; x < rowLength; x++) {
                    out[to + x] += rows[from + x] * weight;
                }
            }
        }
        return out;
    }

    private static double lanczos(double x) {
        if (x == 0) {
            return 1;
        }
        if (Math.abs(x) >= RADIUS) {
            return 0;
        }
        double pix = Math.PI * x;
        return RADIUS * Math.sin(pix) * Math.sin(pix / RADIUS) / (pix * pix);
    }

    private static Pixels pack(float[] values, int width, int height, boolean alpha) {
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length; i++) {
            float a = Math.min(1f, Math.max(0f, values[i * 4]));
            float divide = alpha ? (a > 0 ? a : 1f) : 1f;
            int r = channel(values[i * 4 + 1] / divide);
            int g = channel(values[i * 4 + 2] / divide);
            int b = channel(values[i * 4 + 3] / divide);
            int alphaByte = alpha ? Math.round(a * 255) : 255;
            argb[i] = alphaByte << 24 | r << 16 | g << 8 | b;
        }
        return new Pixels(width, height, argb, alpha);
    }

    private static int channel(float value) {
        return value <= 0 ? 0 : value >= 255 ? 255 : Math.round(value);
    }
}
