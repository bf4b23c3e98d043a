package dev.patterns.thumbnail.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patterns.thumbnail.ImageRejectedException;
import dev.patterns.thumbnail.Rendition;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImagePipelineTest {

    private final ImagePipeline pipeline = new ImagePipeline(100_000_000L, 85);

    /**
     * EXIF's own definition: a stored image's 0th row / 0th column are shown at these sides.
     * A red marker at the stored top-left and a blue one at the stored top-right must appear
     * where the spec puts them, with width and height swapped for 5-8.
     */
    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyExifOrientationIsDisplayedAsTheSpecDefinesIt(int orientation) throws Exception {
        BufferedImage stored = new BufferedImage(240, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = stored.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 240, 120);
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, 40, 40);
        graphics.setColor(Color.BLUE);
        graphics.fillRect(200, 0, 40, 40);
        graphics.dispose();
        byte[] jpeg = TestImages.withOrientation(TestImages.jpeg(stored, 95), orientation);

        Rendition thumbnail = pipeline.render(jpeg, List.of(120)).getFirst();

        BufferedImage shown = TestImages.decode(thumbnail.bytes());
        boolean swapped = orientation >= 5;
        assertThat(new int[] {shown.getWidth(), shown.getHeight()}).containsExactly(swapped ? 60 : 120, swapped ? 120 : 60);
        String red = corner(shown, Color.RED);
        String blue = corner(shown, Color.BLUE);
        String[] expectedRed = {null, "top-left", "top-right", "bottom-right", "bottom-left", "top-left", "top-right", "bottom-right", "bottom-left"};
        String[] expectedBlue = {null, "top-right", "top-left", "bottom-left", "bottom-right", "bottom-left", "bottom-right", "top-right", "top-left"};
        assertThat(red).isEqualTo(expectedRed[orientation]);
        assertThat(blue).isEqualTo(expectedBlue[orientation]);
    }

    @Test
    void severalSizesKeepTheAspectRatioAndNeverUpscale() throws Exception {
        byte[] jpeg = TestImages.jpeg(TestImages.photoLike(1600, 1200, 1), 90);

        List<Rendition> renditions = pipeline.render(jpeg, List.of(256, 1024, 4000));

        assertThat(renditions).extracting(Rendition::width, Rendition::height)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(256, 192), org.assertj.core.groups.Tuple.tuple(1024, 768),
                        org.assertj.core.groups.Tuple.tuple(1600, 1200));
        assertThat(renditions).allSatisfy(rendition -> assertThat(rendition.contentType()).isEqualTo("image/jpeg"));
    }

    @Test
    void transparentPngStaysTransparentAndBecomesPng() throws Exception {
        BufferedImage image = new BufferedImage(400, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0, 128, 255, 255));
        graphics.fillRect(200, 0, 200, 200);
        graphics.dispose();

        Rendition thumbnail = pipeline.render(TestImages.png(image), List.of(100)).getFirst();

        assertThat(thumbnail.contentType()).isEqualTo("image/png");
        BufferedImage shown = TestImages.decode(thumbnail.bytes());
        assertThat(shown.getColorModel().hasAlpha()).isTrue();
        assertThat(shown.getRGB(10, 25) >>> 24).isZero();
        assertThat(new Color(shown.getRGB(90, 25), true)).isEqualTo(new Color(0, 128, 255, 255));
    }

    /** A GIF's transparent palette entry, the way most transparent GIFs are made, comes out as PNG alpha. */
    @Test
    void transparentGifStaysTransparentAndBecomesPng() throws Exception {
        byte[] red = {0, (byte) 230};
        byte[] green = {0, 20};
        byte[] blue = {0, 30};
        java.awt.image.IndexColorModel palette = new java.awt.image.IndexColorModel(1, 2, red, green, blue, 0); // index 0 transparent
        BufferedImage image = new BufferedImage(400, 200, BufferedImage.TYPE_BYTE_BINARY, palette);
        for (int y = 0; y < 200; y++) {
            for (int x = 200; x < 400; x++) {
                image.getRaster().setSample(x, y, 0, 1);
            }
        }
        java.io.ByteArrayOutputStream gif = new java.io.ByteArrayOutputStream();
        assertThat(javax.imageio.ImageIO.write(image, "gif", gif)).isTrue();
        assertThat(ImageHeader.read(gif.toByteArray()).format()).isEqualTo(ImageHeader.Format.GIF);

        Rendition thumbnail = pipeline.render(gif.toByteArray(), List.of(100)).getFirst();

        assertThat(thumbnail.contentType()).isEqualTo("image/png");
        assertThat(thumbnail.width()).isEqualTo(100);
        BufferedImage shown = TestImages.decode(thumbnail.bytes());
        assertThat(shown.getRGB(10, 25) >>> 24).isZero();
        assertThat(new Color(shown.getRGB(90, 25), true)).isEqualTo(new Color(230, 20, 30, 255));
    }

    @Test
    void opaquePngBecomesJpeg() throws Exception {
        Rendition thumbnail = pipeline.render(TestImages.png(TestImages.photoLike(300, 300, 2)), List.of(100)).getFirst();

        assertThat(thumbnail.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void grayscaleJpegStaysNeutralGrey() throws Exception {
        BufferedImage gray = new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = gray.createGraphics();
        graphics.setColor(new Color(90, 90, 90));
        graphics.fillRect(0, 0, 200, 100);
        graphics.dispose();

        Color shown = new Color(TestImages.decode(pipeline.render(TestImages.jpeg(gray, 95), List.of(50)).getFirst().bytes()).getRGB(25, 12));

        assertThat(Math.abs(shown.getRed() - shown.getGreen())).isLessThanOrEqualTo(2);
        assertThat(Math.abs(shown.getRed() - shown.getBlue())).isLessThanOrEqualTo(2);
        assertThat(shown.getRed()).isBetween(84, 96);
    }

    /** Written by Pillow: Adobe APP14 marker, inverted CMYK, red ink on the left and black ink on the right. */
    @Test
    void adobeCmykJpegComesOutInTheRightColours() throws Exception {
        byte[] cmyk;
        try (var in = getClass().getResourceAsStream("/fixtures/cmyk-red-black.jpg")) {
            cmyk = in.readAllBytes();
        }
        assertThat(ImageHeader.read(cmyk).components()).isEqualTo(4);

        assertRedInkLeftBlackInkRight(cmyk);
    }

    /** The same red and black inks, stored as YCCK (checked once against Pillow: it reads this file as red and black too). */
    @Test
    void adobeYcckJpegComesOutInTheRightColours() throws Exception {
        byte[] ycck = TestImages.ycck(64, 32, (x, y) -> x < 32 ? new int[] {0, 255, 255, 0} : new int[] {0, 0, 0, 255});
        ImageHeader header = ImageHeader.read(ycck);
        assertThat(header.components()).isEqualTo(4);
        assertThat(header.adobe()).isEqualTo(ImageHeader.AdobeTransform.YCCK);

        assertRedInkLeftBlackInkRight(ycck);
    }

    private void assertRedInkLeftBlackInkRight(byte[] jpeg) throws Exception {
        BufferedImage shown = TestImages.decode(pipeline.render(jpeg, List.of(64)).getFirst().bytes());

        Color red = new Color(shown.getRGB(8, 16));
        Color black = new Color(shown.getRGB(56, 16));
        assertThat(red.getRed()).isGreaterThan(220);
        assertThat(red.getGreen()).isLessThan(35);
        assertThat(red.getBlue()).isLessThan(35);
        assertThat(black.getRed() + black.getGreen() + black.getBlue()).isLessThan(60);
    }

    @Test
    void embeddedIccProfileIsConvertedToSrgb() throws Exception {
        BufferedImage linear = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = linear.createGraphics();
        graphics.setColor(new Color(128, 128, 128));
        graphics.fillRect(0, 0, 64, 64);
        graphics.dispose();
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        byte[] jpeg = TestImages.withIccProfile(TestImages.jpeg(linear, 98), profile);
        float[] expected = ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB).toRGB(new float[] {128 / 255f, 128 / 255f, 128 / 255f});

        Color shown = new Color(TestImages.decode(pipeline.render(jpeg, List.of(32)).getFirst().bytes()).getRGB(16, 16));

        // Linear 0.5 is sRGB ~0.74: a reader ignoring the profile would give ~128.
        assertThat(shown.getGreen()).isCloseTo(Math.round(expected[1] * 255), org.assertj.core.data.Offset.offset(6));
    }

    /** A greyscale JPEG tagged with a greyscale profile (here linear grey) is converted through it too. */
    @Test
    void greyscaleIccProfileIsConvertedToSrgb() throws Exception {
        BufferedImage gray = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSamples(0, 0, 64, 64, 0, java.util.Collections.nCopies(64 * 64, 128).stream().mapToInt(Integer::intValue).toArray());
        byte[] jpeg = TestImages.withIccProfile(TestImages.jpeg(gray, 98), ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData());
        float[] expected = ColorSpace.getInstance(ColorSpace.CS_GRAY).toRGB(new float[] {128 / 255f});

        Color shown = new Color(TestImages.decode(pipeline.render(jpeg, List.of(32)).getFirst().bytes()).getRGB(16, 16));

        // Linear grey 0.5 is sRGB ~0.74: ignoring the profile would give ~128.
        assertThat(shown.getRed()).isCloseTo(Math.round(expected[0] * 255), org.assertj.core.data.Offset.offset(6));
        assertThat(shown.getGreen()).isEqualTo(shown.getRed());
    }

    /** Java's PNG reader ignores iCCP, so the pipeline applies it, and keeps the alpha channel as it is. */
    @Test
    void pngIccProfileIsConvertedToSrgbAndAlphaKept() throws Exception {
        BufferedImage linear = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        linear.setRGB(0, 0, 64, 64, java.util.Collections.nCopies(64 * 64, 0xC8808080).stream().mapToInt(Integer::intValue).toArray(), 0, 64);
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        byte[] png = TestImages.withPngIccProfile(TestImages.png(linear), profile);
        assertThat(ImageHeader.read(png).iccProfile()).isEqualTo(profile);
        float[] expected = ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB).toRGB(new float[] {128 / 255f, 128 / 255f, 128 / 255f});

        var rendition = pipeline.render(png, List.of(32)).getFirst();
        int shown = TestImages.decode(rendition.bytes()).getRGB(16, 16);

        assertThat(rendition.contentType()).isEqualTo("image/png");
        assertThat(shown >>> 24).isEqualTo(0xC8);
        assertThat(shown >> 8 & 0xFF).isCloseTo(Math.round(expected[1] * 255), org.assertj.core.data.Offset.offset(4));
    }

    /**
     * 2309 px wide reduced by 4 is 577.25 columns of picture in 578: resampled as if all 578 were
     * picture, the thumbnail drifts by up to a third of a pixel across its width (measured when
     * written: 39.9 dB against the full-resolution resize, instead of 54.5 with the content box).
     */
    @Test
    void thumbnailOfAReducedDecodeStaysAlignedWithTheFullResolutionResize() throws Exception {
        BufferedImage photo = TestImages.photoLike(2309, 1731, 11);
        BufferedImage translucent = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < photo.getHeight(); y++) {
            for (int x = 0; x < photo.getWidth(); x++) {
                translucent.setRGB(x, y, (55 + 200 * x / photo.getWidth()) << 24 | photo.getRGB(x, y) & 0xFFFFFF); // PNG out, lossless
            }
        }
        int[] argb = translucent.getRGB(0, 0, photo.getWidth(), photo.getHeight(), null, 0, photo.getWidth());
        Pixels full = new Pixels(photo.getWidth(), photo.getHeight(), argb, true);

        Rendition thumbnail = pipeline.render(TestImages.png(translucent), List.of(256)).getFirst();
        Pixels reference = Lanczos.resize(full, new ContentBox(0, 0, full.width(), full.height()), thumbnail.width(), thumbnail.height());

        BufferedImage shown = TestImages.decode(thumbnail.bytes());
        double squared = 0;
        for (int y = 0; y < reference.height(); y++) {
            for (int x = 0; x < reference.width(); x++) {
                int a = shown.getRGB(x, y);
                int b = reference.argb()[y * reference.width() + x];
                for (int shift = 0; shift <= 24; shift += 8) {
                    int d = (a >>> shift & 0xFF) - (b >>> shift & 0xFF);
                    squared += d * d;
                }
            }
        }
        double psnr = 10 * Math.log10(255.0 * 255.0 / (squared / (reference.width() * reference.height() * 4.0)));
        assertThat(psnr).as("PSNR of the thumbnail against a resize of the full decode").isGreaterThan(45);
    }

    /** A Huffman table claiming more codes than its segment holds is rejected with that reason, not an index error. */
    @Test
    void jpegWithAMalformedHuffmanTableIsRejectedWithItsReason() {
        byte[] jpeg = TestImages.jpeg(TestImages.photoLike(16, 16, 16), 90);
        int lastTable = -1;
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC4) {
                lastTable = i;
            }
        }
        assertThat(lastTable).as("a DHT segment").isPositive();
        byte[] broken = jpeg.clone();
        broken[lastTable + 4 + 16] = (byte) 0xFF; // 255 codes of 16 bits, far more than the segment or the file holds

        assertThatThrownBy(() -> pipeline.render(broken, List.of(8)))
                .isInstanceOf(ImageRejectedException.class).hasMessageContaining("Huffman table");
    }

    @Test
    void decompressionBombIsRefusedFromItsHeaderBeforeAnyDecode() {
        byte[] bomb = pngHeaderOnly(30_000, 30_000);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        assertThatThrownBy(() -> pipeline.render(bomb, List.of(256))).isInstanceOf(ImageRejectedException.class)
                .hasMessageContaining("decompression bomb refused: 30000x30000");

        assertThat(bomb.length).isLessThan(4096);
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(1_000_000);
    }

    @Test
    void nonImageTruncatedJpegAndZeroBytesAreRejectedWithTheirOwnReasons() {
        byte[] jpeg = TestImages.jpeg(TestImages.photoLike(800, 600, 3), 90);
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);

        assertThatThrownBy(() -> pipeline.render("%PDF-1.7 not an image".getBytes(), List.of(64)))
                .isInstanceOf(ImageRejectedException.class).hasMessageStartingWith("not an image");
        assertThatThrownBy(() -> pipeline.render(truncated, List.of(64)))
                .isInstanceOf(ImageRejectedException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> pipeline.render(new byte[0], List.of(64)))
                .isInstanceOf(ImageRejectedException.class).hasMessage("zero-byte object");
    }

    /**
     * The bound stated in the README: at most about 176 bytes per square pixel of the largest
     * thumbnail edge, whatever the photo's size (native libjpeg buffers excluded).
     */
    @Test
    void heapUsedForA24MegapixelPhotoStaysWithinTheStatedBound() throws Exception {
        assertAllocationWithinTheStatedBound("JPEG", TestImages.jpeg(TestImages.photoLike(6000, 4000, 4), 90));
    }

    /** The PNG path streams rows into box means; a full decode would allocate 96 MB for the pixels alone. */
    @Test
    void heapUsedForA24MegapixelPngStaysWithinTheStatedBound() throws Exception {
        assertAllocationWithinTheStatedBound("PNG", TestImages.png(TestImages.photoLike(6000, 4000, 5)));
    }

    /** A progressive JPEG at 1/4 keeps its coefficients between scans: 3 bytes a pixel in 4:2:0, on top of the bound. */
    @Test
    void heapUsedForA24MegapixelProgressiveJpegStaysWithinTheStatedBound() throws Exception {
        byte[] progressive = TestImages.progressive("jpeg", TestImages.photoLike(6000, 4000, 6));
        List<Integer> sizes = List.of(256, 512);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        List<Rendition> renditions = pipeline.render(progressive, sizes);

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        long bound = 176L * 512 * 512 + 2L * progressive.length + 3L * 6000 * 4000;
        assertThat(renditions).extracting(Rendition::width).containsExactly(256, 512);
        assertThat(allocated).as("bytes allocated rendering a 24 MP progressive JPEG").isLessThan(bound);
    }

    private void assertAllocationWithinTheStatedBound(String format, byte[] image) throws Exception {
        List<Integer> sizes = List.of(256, 512);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        List<Rendition> renditions = pipeline.render(image, sizes);

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        long largest = 512;
        long bound = 176 * largest * largest + 2L * image.length;
        assertThat(renditions).extracting(Rendition::width).containsExactly(256, 512);
        assertThat(allocated).as("bytes allocated rendering a 24 MP %s (full decode alone: %d)", format, 6000L * 4000 * 4)
                .isLessThan(bound);
    }

    private static String corner(BufferedImage image, Color color) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[][] probes = {{4, 4}, {w - 5, 4}, {w - 5, h - 5}, {4, h - 5}};
        String[] names = {"top-left", "top-right", "bottom-right", "bottom-left"};
        for (int i = 0; i < probes.length; i++) {
            Color seen = new Color(image.getRGB(probes[i][0], probes[i][1]));
            if (Math.abs(seen.getRed() - color.getRed()) < 60 && Math.abs(seen.getGreen() - color.getGreen()) < 60
                    && Math.abs(seen.getBlue() - color.getBlue()) < 60) {
                return names[i];
            }
        }
        return "nowhere";
    }

    /** A PNG signature and a valid IHDR declaring the size, and nothing to decode. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update("IHDR".getBytes());
        crc.update(ihdr.array());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes("IHDR".getBytes());
        out.writeBytes(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }
}
