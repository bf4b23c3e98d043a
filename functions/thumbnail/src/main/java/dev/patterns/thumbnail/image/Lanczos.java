package dev.patterns.thumbnail.image;

/**
 * Separable Lanczos-3 resampling of packed pixels, with premultiplied alpha so transparent
 * edges do not bleed colour: the same filter Pillow uses for LANCZOS.
 */
final class Lanczos {

    private static final double RADIUS = 3.0;

    private Lanczos() {
    }

    static Pixels resize(Pixels source, int width, int height) {
        if (source.width() == width && source.height() == height) {
            return source;
        }
        int channels = 4;
        // The first pass reads packed pixels as it goes: no full-size float copy of the decoded image.
        float[] horizontal = pass(null, source, source.width(), source.height(), width, true, channels);
        float[] both = pass(horizontal, null, width, source.height(), height, false, channels);
        return pack(both, width, height, source.alpha());
    }

    /** One direction: {@code horizontal} resamples rows from {@code srcLength} to {@code dstLength} columns. */
    private static float[] pass(float[] in, Pixels packed, int w, int h, int dstLength, boolean horizontal, int channels) {
        int srcLength = horizontal ? w : h;
        int lines = horizontal ? h : w;
        double scale = (double) srcLength / dstLength;
        double support = RADIUS * Math.max(1.0, scale);
        double filterScale = 1.0 / Math.max(1.0, scale);
        int[] starts = new int[dstLength];
        float[][] weights = new float[dstLength][];
        for (int i = 0; i < dstLength; i++) {
            double center = (i + 0.5) * scale;
            int start = Math.max(0, (int) Math.floor(center - support));
            int end = Math.min(srcLength, (int) Math.ceil(center + support));
            float[] kernel = new float[end - start];
            double sum = 0;
            for (int j = start; j < end; j++) {
                double weight = lanczos((j + 0.5 - center) * filterScale);
                kernel[j - start] = (float) weight;
                sum += weight;
            }
            for (int j = 0; j < kernel.length; j++) {
                kernel[j] /= (float) sum;
            }
            starts[i] = start;
            weights[i] = kernel;
        }
        int outW = horizontal ? dstLength : w;
        int outH = horizontal ? h : dstLength;
        float[] out = new float[outW * outH * channels];
        if (!horizontal) {
            // Vertical: walk whole rows, so every read and write streams through memory.
            for (int i = 0; i < dstLength; i++) {
                float[] kernel = weights[i];
                int to = i * outW * channels;
                for (int k = 0; k < kernel.length; k++) {
                    int from = (starts[i] + k) * w * channels;
                    float weight = kernel[k];
                    for (int x = 0; x < w * channels; x++) {
                        out[to + x] += in[from + x] * weight;
                    }
                }
            }
            return out;
        }
        int[] argb = packed.argb();
        boolean alpha = packed.alpha();
        for (int line = 0; line < lines; line++) {
            int rowStart = line * w;
            for (int i = 0; i < dstLength; i++) {
                float[] kernel = weights[i];
                float a = 0;
                float r = 0;
                float g = 0;
                float b = 0;
                for (int k = 0; k < kernel.length; k++) {
                    int p = argb[rowStart + starts[i] + k];
                    float weight = alpha ? kernel[k] * (p >>> 24) / 255f : kernel[k];
                    a += weight;
                    r += ((p >> 16) & 0xFF) * weight;
                    g += ((p >> 8) & 0xFF) * weight;
                    b += (p & 0xFF) * weight;
                }
                int to = (line * outW + i) * channels;
                out[to] = a;
                out[to + 1] = r;
                out[to + 2] = g;
                out[to + 3] = b;
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
