package dev.patterns.thumbnail.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The DCT-scaled decoder against Java's full decode averaged over the same pixel groups. */
class ScaledJpegDecoderTest {

    @ParameterizedTest(name = "1/{0}")
    @ValueSource(ints = {1, 2, 4, 8})
    void colourJpegAtEveryScaleMatchesTheAveragedFullDecode(int scale) throws Exception {
        byte[] jpeg = TestImages.jpeg(TestImages.photoLike(640, 480, 7), 92);

        Pixels fast = ScaledJpegDecoder.decode(jpeg, scale);

        assertThat(fast.width()).isEqualTo(640 / scale);
        assertThat(fast.height()).isEqualTo(480 / scale);
        // Luma: full resolution in 4:2:0, so it isolates the scaled IDCT from the reference's own chroma upsampling.
        assertThat(lumaPsnr(fast, boxAverage(ImageIO.read(new java.io.ByteArrayInputStream(jpeg)), scale))).isGreaterThan(38);
    }

    /** Restart markers every 3 MCUs (so some fall mid-row), at every scale: each resets the DC predictions and the bit reader. */
    @ParameterizedTest(name = "1/{0}")
    @ValueSource(ints = {1, 2, 4, 8})
    void jpegWithRestartMarkersMatchesTheAveragedFullDecode(int scale) throws Exception {
        byte[] jpeg = TestImages.jpegWithRestarts(TestImages.photoLike(648, 488, 12), 92, 3);
        assertThat(containsMarker(jpeg, 0xDD)).as("a DRI segment").isTrue();
        assertThat(containsMarker(jpeg, 0xD0)).as("an RST0 marker in the data").isTrue();

        Pixels fast = ScaledJpegDecoder.decode(jpeg, scale);

        assertThat(fast.width()).isEqualTo(648 / scale);
        assertThat(lumaPsnr(fast, boxAverage(ImageIO.read(new java.io.ByteArrayInputStream(jpeg)), scale))).isGreaterThan(38);
    }

    /** 4:4:4, 4:2:2 and 4:4:0 as well as the writer's default 4:2:0, each upsampled to the right pixels. */
    @ParameterizedTest(name = "luma {0}x{1} the chroma")
    @org.junit.jupiter.params.provider.CsvSource({"1,1", "2,1", "1,2", "2,2"})
    void everyChromaSamplingComesOutInTheRightColours(int h, int v) throws Exception {
        byte[] jpeg = TestImages.jpegWithChromaSampling(TestImages.photoLike(640, 480, 13), 95, h, v);
        int frame = indexOfMarker(jpeg, 0xC0);
        assertThat(jpeg[frame + 11] & 0xFF).as("luma sampling factors in SOF0").isEqualTo(h << 4 | v);

        Pixels fast = ScaledJpegDecoder.decode(jpeg, 4);

        assertThat(psnr(fast, boxAverage(ImageIO.read(new java.io.ByteArrayInputStream(jpeg)), 4))).isGreaterThan(36);
    }

    private static boolean containsMarker(byte[] jpeg, int marker) {
        return indexOfMarker(jpeg, marker) >= 0;
    }

    private static int indexOfMarker(byte[] jpeg, int marker) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void grayscaleJpegMatchesTheAveragedFullDecode() throws Exception {
        BufferedImage gray = new BufferedImage(320, 240, BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(TestImages.photoLike(320, 240, 8), 0, 0, null);
        byte[] jpeg = TestImages.jpeg(gray, 90);

        Pixels fast = ScaledJpegDecoder.decode(jpeg, 4);

        assertThat(psnr(fast, boxAverage(ImageIO.read(new java.io.ByteArrayInputStream(jpeg)), 4))).isGreaterThan(40);
    }

    /**
     * A progressive JPEG at 1/8 is its DC coefficients: the first DC scan and its refinement
     * (Java's writer uses successive approximation, as libjpeg does) are decoded, the AC scans
     * skipped. A size that is no multiple of the MCU exercises the padded block grid.
     */
    @ParameterizedTest(name = "{0}x{1}")
    @org.junit.jupiter.params.provider.CsvSource({"640,480", "645,483"})
    void progressiveJpegAtOneEighthIsDecodedFromItsDcScans(int width, int height) throws Exception {
        BufferedImage photo = TestImages.photoLike(width, height, 14);
        byte[] progressive = TestImages.progressive("jpeg", photo); // the writer's default quality, 75
        assertThat(indexOfMarker(progressive, 0xC2)).as("SOF2").isPositive();

        Pixels fast = ScaledJpegDecoder.decode(progressive, 8);

        assertThat(fast).isNotNull();
        assertThat(fast.width()).isEqualTo((width + 7) / 8);
        assertThat(fast.height()).isEqualTo((height + 7) / 8);
        // The same picture written as baseline at the same quality has the same DC coefficients: the same 1/8 image.
        assertThat(fast.argb()).isEqualTo(ScaledJpegDecoder.decode(TestImages.jpeg(photo, 75), 8).argb());
        // The reference averages whole 8 x 8 boxes only: compare those, leaving out a partial last column or row.
        // Luma, as for baseline: in 4:2:0 a 1/8 decode has one chroma sample per 16 x 16, whatever the scan order.
        Pixels whole = cropped(fast, width / 8, height / 8);
        assertThat(lumaPsnr(whole, boxAverage(ImageIO.read(new java.io.ByteArrayInputStream(progressive)), 8))).isGreaterThan(38);
    }

    private static Pixels cropped(Pixels pixels, int width, int height) {
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(pixels.argb(), y * pixels.width(), argb, y * width, width);
        }
        return new Pixels(width, height, argb, pixels.alpha());
    }

    /**
     * Written by jpegtran from the baseline fixture, losslessly (the same coefficients): with
     * libjpeg's standard progressive script (interleaved DC, AC bands, successive approximation
     * with refinement scans for DC and AC), and with a script of one DC scan per component (not
     * interleaved: each component's own block grid); each also with a restart every few blocks.
     * At every scale the progressive file must give the baseline's image.
     */
    @ParameterizedTest(name = "{0} at 1/{1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "photo-133x101-progressive-standard.jpg,1", "photo-133x101-progressive-standard.jpg,2",
        "photo-133x101-progressive-standard.jpg,4", "photo-133x101-progressive-standard.jpg,8",
        "photo-133x101-progressive-standard-restarts.jpg,2", "photo-133x101-progressive-standard-restarts.jpg,8",
        "photo-133x101-progressive-separate-dc.jpg,4", "photo-133x101-progressive-separate-dc.jpg,8",
        "photo-133x101-progressive-separate-dc-restarts.jpg,1", "photo-133x101-progressive-separate-dc-restarts.jpg,8"})
    void progressiveJpegGivesTheBaselinesImageAtEveryScale(String fixture, int scale) throws Exception {
        Pixels baseline = ScaledJpegDecoder.decode(fixture("photo-133x101-baseline.jpg"), scale);

        Pixels progressive = ScaledJpegDecoder.decode(fixture(fixture), scale);

        assertThat(progressive.width()).isEqualTo((133 + scale - 1) / scale);
        assertThat(progressive.height()).isEqualTo((101 + scale - 1) / scale);
        // Equal but for float rounding: the baseline sums each block's coefficients in a different order.
        for (int i = 0; i < baseline.argb().length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                assertThat(progressive.argb()[i] >> shift & 0xFF).as("pixel %d", i)
                        .isCloseTo(baseline.argb()[i] >> shift & 0xFF, org.assertj.core.data.Offset.offset(1));
            }
        }
    }

    private byte[] fixture(String name) throws java.io.IOException {
        try (var in = getClass().getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void progressiveJpegCutOffIsRejectedAsTruncated() {
        byte[] progressive = TestImages.progressive("jpeg", TestImages.photoLike(640, 480, 15));
        byte[] cut = java.util.Arrays.copyOf(progressive, progressive.length * 2 / 3);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScaledJpegDecoder.decode(cut, 8))
                .isInstanceOf(dev.patterns.thumbnail.ImageRejectedException.class).hasMessageContaining("truncated");
    }

    private static int[] boxAverage(BufferedImage image, int scale) {
        // Read samples, not getRGB: Java treats a gray image's values as linear and would brighten them.
        java.awt.image.Raster raster = image.getRaster();
        boolean gray = raster.getNumBands() == 1;
        int w = image.getWidth() / scale;
        int h = image.getHeight() / scale;
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        int px = x * scale + dx;
                        int py = y * scale + dy;
                        if (gray) {
                            int v = raster.getSample(px, py, 0);
                            r += v;
                            g += v;
                            b += v;
                        } else {
                            r += raster.getSample(px, py, 0);
                            g += raster.getSample(px, py, 1);
                            b += raster.getSample(px, py, 2);
                        }
                    }
                }
                int n = scale * scale;
                out[y * w + x] = Math.round(r / (float) n) << 16 | Math.round(g / (float) n) << 8 | Math.round(b / (float) n);
            }
        }
        return out;
    }

    private static double lumaPsnr(Pixels pixels, int[] reference) {
        double sum = 0;
        for (int i = 0; i < reference.length; i++) {
            double d = luma(pixels.argb()[i]) - luma(reference[i]);
            sum += d * d;
        }
        double mse = sum / reference.length;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255 * 255 / mse);
    }

    private static double luma(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }

    private static double psnr(Pixels pixels, int[] reference) {
        double sum = 0;
        for (int i = 0; i < reference.length; i++) {
            int p = pixels.argb()[i];
            int q = reference[i];
            for (int shift = 0; shift <= 16; shift += 8) {
                int d = ((p >> shift) & 0xFF) - ((q >> shift) & 0xFF);
                sum += d * d;
            }
        }
        double mse = sum / (reference.length * 3.0);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255 * 255 / mse);
    }
}
