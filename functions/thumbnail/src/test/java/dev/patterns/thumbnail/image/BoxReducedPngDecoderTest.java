package dev.patterns.thumbnail.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patterns.thumbnail.ImageRejectedException;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Every PNG layout the decoder takes, written by Java's PNG writer from known pixels and then
 * re-filtered so that all five row filters occur (the writer filters only palettes), must come
 * out as the exact alpha-weighted mean of each box of those pixels, partial boxes at the right
 * and bottom edges included.
 */
class BoxReducedPngDecoderTest {

    private static final int WIDTH = 203;
    private static final int HEIGHT = 157;

    /** With the colour type and bit depth the written file must declare, so a writer's choice cannot narrow the test. */
    enum Layout {
        RGB_8(2, 8), RGBA_8(6, 8), RGBA_16(6, 16), GRAY_8(0, 8), GRAY_16(0, 16), GRAY_ALPHA_8(4, 8),
        PALETTE_4_WITH_ALPHA(3, 4), PALETTE_8(3, 8), RGB_8_WITH_COLOUR_KEY(2, 8), RGB_16_WITH_COLOUR_KEY(2, 16);

        final int colorType;
        final int bitDepth;

        Layout(int colorType, int bitDepth) {
            this.colorType = colorType;
            this.bitDepth = bitDepth;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Layout.class)
    void everyLayoutReducesToTheExactBoxMeansOfItsPixels(Layout layout) throws Exception {
        int[] truth = new int[WIDTH * HEIGHT];
        byte[] png = withEveryFilter(encode(layout, truth));
        assertThat(new int[] {png[25], png[24]}).as("IHDR colour type and bit depth").containsExactly(layout.colorType, layout.bitDepth);

        for (int factor : new int[] {1, 3, 8}) {
            Pixels reduced = BoxReducedPngDecoder.decode(png, factor);

            assertThat(reduced).as("factor %d", factor).isNotNull();
            assertThat(reduced.width()).isEqualTo((WIDTH + factor - 1) / factor);
            assertThat(reduced.height()).isEqualTo((HEIGHT + factor - 1) / factor);
            int[] expected = boxMeans(truth, factor);
            for (int i = 0; i < expected.length; i++) {
                assertClose(reduced.argb()[i], expected[i], layout + " factor " + factor + " pixel " + i);
            }
        }
    }

    @Test
    void interlacedPngIsLeftToTheGeneralDecoder() throws Exception {
        byte[] interlaced = TestImages.progressive("png", TestImages.photoLike(40, 30, 3));
        assertThat(interlaced[28]).as("interlace method in IHDR").isEqualTo((byte) 1);

        assertThat(BoxReducedPngDecoder.decode(interlaced, 2)).isNull();
        assertThat(new ImagePipeline(100_000_000L, 85).render(interlaced, java.util.List.of(20)).getFirst().width()).isEqualTo(20);
    }

    @Test
    void pngCutOffInItsImageDataIsRejectedAsTruncated() {
        byte[] png = TestImages.png(TestImages.photoLike(300, 200, 7));
        byte[] cut = Arrays.copyOf(png, png.length / 2);

        assertThatThrownBy(() -> BoxReducedPngDecoder.decode(cut, 2))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessageContaining("truncated");
    }

    /** Fills {@code truth} with the ARGB pixels the PNG holds, and returns the PNG. */
    private static byte[] encode(Layout layout, int[] truth) {
        Random random = new Random(layout.ordinal());
        return switch (layout) {
            case RGB_8, RGBA_8 -> {
                boolean alpha = layout == Layout.RGBA_8;
                BufferedImage image = new BufferedImage(WIDTH, HEIGHT, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
                for (int i = 0; i < truth.length; i++) {
                    truth[i] = (alpha ? random.nextInt(256) << 24 : 0xFF000000) | smooth(i, random);
                }
                image.setRGB(0, 0, WIDTH, HEIGHT, truth, 0, WIDTH);
                yield TestImages.png(image);
            }
            case RGBA_16 -> {
                ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), true, false,
                        Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT);
                WritableRaster raster = model.createCompatibleWritableRaster(WIDTH, HEIGHT);
                for (int i = 0; i < truth.length; i++) {
                    truth[i] = random.nextInt(256) << 24 | smooth(i, random);
                    // Only the high byte counts; a random low byte proves it is ignored rather than rounded in.
                    raster.setPixel(i % WIDTH, i / WIDTH, new int[] {
                        (truth[i] >> 16 & 0xFF) << 8 | random.nextInt(256), (truth[i] >> 8 & 0xFF) << 8 | random.nextInt(256),
                        (truth[i] & 0xFF) << 8 | random.nextInt(256), (truth[i] >>> 24) << 8 | random.nextInt(256)});
                }
                yield TestImages.png(new BufferedImage(model, raster, false, null));
            }
            case GRAY_8, GRAY_16, GRAY_ALPHA_8 -> {
                boolean alpha = layout == Layout.GRAY_ALPHA_8;
                int type = layout == Layout.GRAY_16 ? DataBuffer.TYPE_USHORT : DataBuffer.TYPE_BYTE;
                ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), alpha, false,
                        alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, type);
                WritableRaster raster = model.createCompatibleWritableRaster(WIDTH, HEIGHT);
                for (int i = 0; i < truth.length; i++) {
                    int g = smooth(i, random) & 0xFF;
                    int a = alpha ? random.nextInt(256) : 255;
                    truth[i] = a << 24 | g << 16 | g << 8 | g;
                    int sample = layout == Layout.GRAY_16 ? g << 8 | random.nextInt(256) : g;
                    raster.setPixel(i % WIDTH, i / WIDTH, alpha ? new int[] {sample, a} : new int[] {sample});
                }
                yield TestImages.png(new BufferedImage(model, raster, false, null));
            }
            case PALETTE_4_WITH_ALPHA, PALETTE_8 -> {
                int bits = layout == Layout.PALETTE_8 ? 8 : 4;
                int size = 1 << bits;
                byte[] r = new byte[size];
                byte[] g = new byte[size];
                byte[] b = new byte[size];
                byte[] a = new byte[size];
                int[] argb = new int[size];
                for (int i = 0; i < size; i++) {
                    argb[i] = (bits == 4 ? i * 17 : 255) << 24 | random.nextInt(1 << 24);
                    r[i] = (byte) (argb[i] >> 16);
                    g[i] = (byte) (argb[i] >> 8);
                    b[i] = (byte) argb[i];
                    a[i] = (byte) (argb[i] >>> 24);
                }
                IndexColorModel model = bits == 4 ? new IndexColorModel(4, size, r, g, b, a) : new IndexColorModel(8, size, r, g, b);
                BufferedImage image = new BufferedImage(WIDTH, HEIGHT,
                        bits == 4 ? BufferedImage.TYPE_BYTE_BINARY : BufferedImage.TYPE_BYTE_INDEXED, model);
                WritableRaster raster = image.getRaster();
                for (int i = 0; i < truth.length; i++) {
                    int index = random.nextInt(size);
                    raster.setSample(i % WIDTH, i / WIDTH, 0, index);
                    truth[i] = argb[index];
                }
                yield TestImages.png(image);
            }
            case RGB_8_WITH_COLOUR_KEY -> {
                int key = 0x123456;
                BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
                for (int i = 0; i < truth.length; i++) {
                    int rgb = i % 7 == 0 ? key : smooth(i, random);
                    truth[i] = (rgb == key ? 0 : 0xFF000000) | rgb;
                    image.setRGB(i % WIDTH, i / WIDTH, rgb);
                }
                yield TestImages.withPngChunk(TestImages.png(image), "tRNS", new byte[] {0, 0x12, 0, 0x34, 0, 0x56});
            }
            case RGB_16_WITH_COLOUR_KEY -> {
                // The key is matched at full depth: a pixel that shares only its high bytes with it stays opaque.
                int[] key = {0x1234, 0x5678, 0x9ABC};
                int[] nearKey = {0x12FF, 0x5600, 0x9A01};
                ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                        Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
                WritableRaster raster = model.createCompatibleWritableRaster(WIDTH, HEIGHT);
                for (int i = 0; i < truth.length; i++) {
                    int rgb = smooth(i, random);
                    int[] samples = i % 7 == 0 ? key : i % 7 == 1 ? nearKey
                            : new int[] {(rgb >> 16 & 0xFF) << 8, (rgb >> 8 & 0xFF) << 8, (rgb & 0xFF) << 8};
                    raster.setPixel(i % WIDTH, i / WIDTH, samples);
                    truth[i] = (i % 7 == 0 ? 0 : 0xFF000000) | (samples[0] >> 8) << 16 | (samples[1] >> 8) << 8 | samples[2] >> 8;
                }
                yield TestImages.withPngChunk(TestImages.png(new BufferedImage(model, raster, false, null)), "tRNS",
                        new byte[] {0x12, 0x34, 0x56, 0x78, (byte) 0x9A, (byte) 0xBC});
            }
        };
    }

    /** The same PNG with its rows filtered None, Sub, Up, Average, Paeth, None, ... in turn, if the writer left them unfiltered. */
    private static byte[] withEveryFilter(byte[] png) throws Exception {
        int channels = switch (png[25]) {
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 1;
        };
        int bitsPerPixel = channels * png[24];
        int stride = (WIDTH * bitsPerPixel + 7) / 8;
        int bpp = Math.max(1, bitsPerPixel / 8);
        // The spec keeps IDAT chunks consecutive: the file is what comes before them, them, and what comes after.
        List<PngChunk> idat = PngChunk.all(png).stream().filter(chunk -> chunk.type().equals("IDAT")).toList();
        ByteArrayOutputStream compressedRows = new ByteArrayOutputStream();
        idat.forEach(chunk -> compressedRows.write(png, chunk.data(), chunk.length()));
        byte[] head = Arrays.copyOfRange(png, 0, idat.getFirst().data() - 8);
        byte[] tail = Arrays.copyOfRange(png, idat.getLast().data() + idat.getLast().length() + 4, png.length);
        byte[] raw = new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(compressedRows.toByteArray())).readAllBytes();
        for (int y = 0; y < HEIGHT; y++) {
            if (raw[y * (stride + 1)] != 0) {
                return png; // the writer filtered these rows itself (it does for palettes): keep its choice
            }
        }
        byte[] filtered = new byte[raw.length];
        for (int y = 0; y < HEIGHT; y++) {
            int row = y * (stride + 1);
            int filter = y % 5;
            filtered[row] = (byte) filter;
            for (int i = 1; i <= stride; i++) {
                int x = raw[row + i] & 0xFF;
                int a = i > bpp ? raw[row + i - bpp] & 0xFF : 0;
                int b = y > 0 ? raw[row - stride - 1 + i] & 0xFF : 0;
                int c = i > bpp && y > 0 ? raw[row - stride - 1 + i - bpp] & 0xFF : 0;
                int p = a + b - c;
                int paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a
                        : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
                int predictor = switch (filter) {
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) >>> 1;
                    case 4 -> paeth;
                    default -> 0;
                };
                filtered[row + i] = (byte) (x - predictor);
            }
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (var deflater = new java.util.zip.DeflaterOutputStream(compressed)) {
            deflater.write(filtered);
        }
        return TestImages.concat(TestImages.concat(head, TestImages.pngChunk("IDAT", compressed.toByteArray())), tail);
    }

    /** Gradients plus noise: compresses like a picture and makes every filter type worth choosing. */
    private static int smooth(int i, Random random) {
        int x = i % WIDTH;
        int y = i / WIDTH;
        int noise = random.nextInt(16);
        return (x + noise & 0xFF) << 16 | (y * 2 + noise & 0xFF) << 8 | (x + y + noise & 0xFF);
    }

    private static int[] boxMeans(int[] truth, int factor) {
        int outW = (WIDTH + factor - 1) / factor;
        int outH = (HEIGHT + factor - 1) / factor;
        int[] out = new int[outW * outH];
        for (int by = 0; by < outH; by++) {
            for (int bx = 0; bx < outW; bx++) {
                double a = 0;
                double r = 0;
                double g = 0;
                double b = 0;
                int count = 0;
                for (int y = by * factor; y < Math.min(HEIGHT, (by + 1) * factor); y++) {
                    for (int x = bx * factor; x < Math.min(WIDTH, (bx + 1) * factor); x++) {
                        int p = truth[y * WIDTH + x];
                        int alpha = p >>> 24;
                        a += alpha;
                        r += alpha * (p >> 16 & 0xFF);
                        g += alpha * (p >> 8 & 0xFF);
                        b += alpha * (p & 0xFF);
                        count++;
                    }
                }
                out[by * outW + bx] = a == 0 ? 0 : (int) Math.round(a / count) << 24 | (int) Math.round(r / a) << 16
                        | (int) Math.round(g / a) << 8 | (int) Math.round(b / a);
            }
        }
        return out;
    }

    private static void assertClose(int actual, int expected, String where) {
        for (int shift = 0; shift <= 24; shift += 8) {
            assertThat(actual >>> shift & 0xFF).as(where + " channel at bit " + shift).isCloseTo(expected >>> shift & 0xFF,
                    org.assertj.core.data.Offset.offset(1));
        }
    }
}
