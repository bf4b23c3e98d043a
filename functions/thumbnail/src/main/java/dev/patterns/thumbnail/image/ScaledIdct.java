package dev.patterns.thumbnail.image;

/**
 * The inverse DCT of an 8x8 block straight to n x n samples, each the mean of the (8/n)^2
 * full-resolution pixels it stands for: out = A F A^T with A[i][u] the mean of the 1-D basis
 * function u over the pixels of sample i. Exact box filtering, at a fraction of a full IDCT.
 */
final class ScaledIdct {

    private ScaledIdct() {
    }

    static float[] matrix(int n) {
        int group = 8 / n;
        float[] a = new float[n * 8];
        for (int i = 0; i < n; i++) {
            for (int u = 0; u < 8; u++) {
                double c = u == 0 ? Math.sqrt(0.5) : 1.0;
                double sum = 0;
                for (int x = i * group; x < (i + 1) * group; x++) {
                    sum += c / 2 * Math.cos((2 * x + 1) * u * Math.PI / 16);
                }
                a[i * 8 + u] = (float) (sum / group);
            }
        }
        return a;
    }

    /**
     * For each coefficient position (natural order), its weight in each of the n x n output
     * samples, quantization included: the IDCT is linear, so a block's samples are the sum of
     * its non-zero coefficients times these weights, accumulated while decoding. Positions whose
     * weights are all zero (at 1/4 scale every even frequency but DC cancels out) are null.
     */
    static float[][] weights(int[] quant, int n) {
        float[] a = matrix(n);
        float[][] weights = new float[64][];
        for (int position = 0; position < 64; position++) {
            int v = position >> 3;
            int u = position & 7;
            float[] w = new float[n * n];
            boolean any = false;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    w[i * n + j] = a[i * 8 + v] * a[j * 8 + u] * quant[position];
                    any |= Math.abs(w[i * n + j]) > 1e-6f;
                }
            }
            weights[position] = any ? w : null;
        }
        return weights;
    }
}
