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
     * Dequantizes {@code coefficients} (natural order; {@code rows} marks the rows holding any),
     * writes n x n level-shifted samples into {@code plane}, and clears the coefficients it used.
     */
    static void block(int[] coefficients, int rows, int[] quant, float[] a, int n, float[] temp, int[] plane, int offset, int stride) {
        // temp[v][j] = sum over u of F[v][u] * A[j][u]; rows with no coefficient (most) cost nothing.
        for (int v = 0; v < 8; v++) {
            int row = v * 8;
            if ((rows & 1 << v) == 0) {
                for (int j = 0; j < n; j++) {
                    temp[v * n + j] = 0f;
                }
                continue;
            }
            for (int j = 0; j < n; j++) {
                temp[v * n + j] = 0f;
            }
            for (int u = 0; u < 8; u++) {
                int coefficient = coefficients[row + u];
                if (coefficient != 0) {
                    float value = coefficient * quant[row + u];
                    coefficients[row + u] = 0;
                    for (int j = 0; j < n; j++) {
                        temp[v * n + j] += value * a[j * 8 + u];
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 128f;
                for (int v = 0; v < 8; v++) {
                    if ((rows & 1 << v) != 0) {
                        sum += a[i * 8 + v] * temp[v * n + j];
                    }
                }
                int value = Math.round(sum);
                plane[offset + i * stride + j] = value < 0 ? 0 : Math.min(value, 255);
            }
        }
    }
}
