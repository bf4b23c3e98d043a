package dev.patterns.thumbnail.image;

import dev.patterns.thumbnail.ImageRejectedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Streams a non-interlaced PNG row by row and keeps only the mean of every {@code factor} x
 * {@code factor} box of pixels (alpha-weighted, so transparent pixels lend no colour), the way
 * Pillow's {@code reduce()} does before its final resample. Java's reader can only subsample by
 * keeping every n-th pixel, which aliases visibly on a thumbnail; here each output sample is an
 * exact box mean and memory is one row of the PNG plus the reduced image.
 *
 * <p>Bit depths 8 and 16 of every colour type, palettes of any depth, and {@code tRNS}
 * transparency. Interlaced (Adam7) images and greyscale below 8 bits return null: the caller
 * falls back to Java's general decoder.
 */
final class BoxReducedPngDecoder {

    private static final int GRAY = 0;
    private static final int RGB = 2;
    private static final int PALETTE = 3;
    private static final int GRAY_ALPHA = 4;
    private static final int RGBA = 6;

    private final int width;
    private final int height;
    private final int bitDepth;
    private final int colorType;
    private final List<InputStream> idat = new ArrayList<>();
    private int[] palette; // ARGB
    private long transparentKey = -1; // the tRNS colour key at the image's own depth, packed as keyAt packs a pixel

    private BoxReducedPngDecoder(int width, int height, int bitDepth, int colorType) {
        this.width = width;
        this.height = height;
        this.bitDepth = bitDepth;
        this.colorType = colorType;
    }

    /** @return the image reduced by {@code factor} in each direction, or null when this file needs the general decoder */
    static Pixels decode(byte[] png, int factor) throws ImageRejectedException {
        BoxReducedPngDecoder decoder = parse(png);
        return decoder == null ? null : decoder.reduce(factor);
    }

    private static BoxReducedPngDecoder parse(byte[] png) throws ImageRejectedException {
        int colorType = png[25] & 0xFF;
        int bitDepth = png[24] & 0xFF;
        boolean interlaced = png[28] != 0;
        boolean supported = switch (colorType) {
            case PALETTE -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case GRAY, RGB, GRAY_ALPHA, RGBA -> bitDepth == 8 || bitDepth == 16;
            default -> false;
        };
        if (interlaced || !supported) {
            return null;
        }
        BoxReducedPngDecoder decoder = new BoxReducedPngDecoder(ImageHeader.u32(png, 16), ImageHeader.u32(png, 20), bitDepth, colorType);
        byte[] tRNS = null;
        // A file cut short just has fewer chunks; the row reads below then say where the image data stops.
        for (PngChunk chunk : PngChunk.all(png)) {
            switch (chunk.type()) {
                case "PLTE" -> decoder.palette = readPalette(png, chunk.data(), chunk.length());
                case "tRNS" -> tRNS = java.util.Arrays.copyOfRange(png, chunk.data(), chunk.data() + chunk.length());
                case "IDAT" -> decoder.idat.add(new ByteArrayInputStream(png, chunk.data(), chunk.length()));
                default -> { }
            }
        }
        if (decoder.idat.isEmpty() || colorType == PALETTE && decoder.palette == null) {
            throw new ImageRejectedException("truncated or corrupt PNG: no " + (decoder.idat.isEmpty() ? "image data" : "palette"), null);
        }
        decoder.applyTransparency(tRNS);
        return decoder;
    }

    private static int[] readPalette(byte[] png, int data, int length) {
        int[] palette = new int[length / 3];
        for (int i = 0; i < palette.length; i++) {
            int p = data + i * 3;
            palette[i] = 0xFF000000 | (png[p] & 0xFF) << 16 | (png[p + 1] & 0xFF) << 8 | png[p + 2] & 0xFF;
        }
        return palette;
    }

    private void applyTransparency(byte[] tRNS) {
        if (tRNS == null) {
            return;
        }
        if (colorType == PALETTE && palette != null) {
            for (int i = 0; i < Math.min(tRNS.length, palette.length); i++) {
                palette[i] = (tRNS[i] & 0xFF) << 24 | palette[i] & 0xFFFFFF;
            }
        } else if (colorType == GRAY && tRNS.length >= 2 || colorType == RGB && tRNS.length >= 6) {
            // tRNS holds each sample as two bytes, whatever the depth: 8-bit images use the low one.
            int samples = colorType == GRAY ? 1 : 3;
            transparentKey = 0;
            for (int i = 0; i < samples; i++) {
                int value = (tRNS[2 * i] & 0xFF) << 8 | tRNS[2 * i + 1] & 0xFF;
                transparentKey = transparentKey << bitDepth | (bitDepth == 16 ? value : value & 0xFF);
            }
        }
    }

    /** The grey or RGB samples of the pixel at {@code at}, at full depth, packed as the colour key is. */
    private long keyAt(byte[] row, int at, int samples) {
        long key = 0;
        for (int i = 0; i < samples; i++) {
            key = bitDepth == 16 ? key << 16 | (row[at + 2 * i] & 0xFF) << 8 | row[at + 2 * i + 1] & 0xFF : key << 8 | row[at + i] & 0xFF;
        }
        return key;
    }

    private boolean hasAlpha() {
        return colorType == GRAY_ALPHA || colorType == RGBA || transparentKey >= 0
                || colorType == PALETTE && java.util.Arrays.stream(palette).anyMatch(argb -> argb >>> 24 != 0xFF);
    }

    private Pixels reduce(int factor) throws ImageRejectedException {
        int outW = (width + factor - 1) / factor;
        int outH = (height + factor - 1) / factor;
        int channels = switch (colorType) {
            case GRAY, PALETTE -> 1;
            case GRAY_ALPHA -> 2;
            case RGB -> 3;
            default -> 4;
        };
        int bitsPerPixel = channels * bitDepth;
        int stride = (width * bitsPerPixel + 7) / 8;
        int bpp = Math.max(1, bitsPerPixel / 8); // the filter's byte distance to the pixel on the left
        byte[] row = new byte[stride + 1];
        byte[] previous = new byte[stride + 1];
        int[] argb = new int[width];
        // Per output column: the sums of alpha and of alpha-weighted red, green, blue over the box.
        long[] sumA = new long[outW];
        long[] sumR = new long[outW];
        long[] sumG = new long[outW];
        long[] sumB = new long[outW];
        int[] out = new int[outW * outH];
        boolean alpha = hasAlpha();
        Inflater inflater = new Inflater();
        try (InputStream pixels = new InflaterInputStream(new SequenceInputStream(Collections.enumeration(idat)), inflater, 64 * 1024)) {
            for (int y = 0; y < height; y++) {
                if (pixels.readNBytes(row, 0, row.length) < row.length) {
                    throw new ImageRejectedException("truncated PNG: image data ends at row " + y + " of " + height, null);
                }
                unfilter(row, previous, bpp, y);
                toArgb(row, argb);
                accumulate(argb, factor, sumA, sumR, sumG, sumB);
                if ((y + 1) % factor == 0 || y == height - 1) {
                    int boxRows = y % factor + 1;
                    emit(out, (y / factor) * outW, width, factor, boxRows, sumA, sumR, sumG, sumB);
                }
                byte[] swap = previous;
                previous = row;
                row = swap;
            }
        } catch (IOException e) {
            throw new ImageRejectedException("truncated or corrupt PNG: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        return new Pixels(outW, outH, out, alpha);
    }

    private static void unfilter(byte[] row, byte[] previous, int bpp, int y) throws ImageRejectedException {
        int filter = row[0];
        int n = row.length;
        switch (filter) {
            case 0 -> { }
            case 1 -> {
                for (int i = 1 + bpp; i < n; i++) {
                    row[i] += row[i - bpp];
                }
            }
            case 2 -> {
                for (int i = 1; i < n; i++) {
                    row[i] += previous[i];
                }
            }
            case 3 -> {
                for (int i = 1; i <= bpp && i < n; i++) {
                    row[i] += (byte) ((previous[i] & 0xFF) >>> 1);
                }
                for (int i = 1 + bpp; i < n; i++) {
                    row[i] += (byte) (((row[i - bpp] & 0xFF) + (previous[i] & 0xFF)) >>> 1);
                }
            }
            case 4 -> {
                // The first pixel has nothing on its left: Paeth of (0, up, 0) is up.
                for (int i = 1; i <= bpp && i < n; i++) {
                    row[i] += previous[i];
                }
                for (int i = 1 + bpp; i < n; i++) {
                    int a = row[i - bpp] & 0xFF;
                    int b = previous[i] & 0xFF;
                    int c = previous[i - bpp] & 0xFF;
                    // Paeth: of a, b, c the one nearest a + b - c, ties to a then b. Written as
                    // selects rather than nested ifs, which noise makes unpredictable branches.
                    int pa = Math.abs(b - c);
                    int pb = Math.abs(a - c);
                    int pc = Math.abs(a + b - c - c);
                    int nearerOfAB = pb < pa ? b : a;
                    row[i] += (byte) (pc < Math.min(pa, pb) ? c : nearerOfAB);
                }
            }
            default -> throw new ImageRejectedException("corrupt PNG: unknown filter type " + filter + " on row " + y, null);
        }
    }

    /** One unfiltered row (after its filter byte) to ARGB; 16-bit samples keep their high byte. */
    private void toArgb(byte[] row, int[] argb) {
        int s = bitDepth == 16 ? 2 : 1; // byte distance between samples
        int at = 1;
        switch (colorType) {
            case GRAY -> {
                for (int x = 0; x < width; x++, at += s) {
                    int g = row[at] & 0xFF;
                    argb[x] = (transparentKey >= 0 && keyAt(row, at, 1) == transparentKey ? 0 : 0xFF000000) | g * 0x010101;
                }
            }
            case GRAY_ALPHA -> {
                for (int x = 0; x < width; x++, at += 2 * s) {
                    argb[x] = (row[at + s] & 0xFF) << 24 | (row[at] & 0xFF) * 0x010101;
                }
            }
            case RGB -> {
                for (int x = 0; x < width; x++, at += 3 * s) {
                    int rgb = (row[at] & 0xFF) << 16 | (row[at + s] & 0xFF) << 8 | row[at + 2 * s] & 0xFF;
                    argb[x] = (transparentKey >= 0 && keyAt(row, at, 3) == transparentKey ? 0 : 0xFF000000) | rgb;
                }
            }
            case RGBA -> {
                for (int x = 0; x < width; x++, at += 4 * s) {
                    argb[x] = (row[at + 3 * s] & 0xFF) << 24 | (row[at] & 0xFF) << 16 | (row[at + s] & 0xFF) << 8 | row[at + 2 * s] & 0xFF;
                }
            }
            default -> { // palette, 1 to 8 bits per index, high bits first
                int mask = (1 << bitDepth) - 1;
                for (int x = 0; x < width; x++) {
                    int bit = x * bitDepth;
                    int index = (row[1 + (bit >>> 3)] & 0xFF) >>> (8 - bitDepth - (bit & 7)) & mask;
                    argb[x] = index < palette.length ? palette[index] : 0xFF000000;
                }
            }
        }
    }

    private static void accumulate(int[] argb, int factor, long[] sumA, long[] sumR, long[] sumG, long[] sumB) {
        for (int column = 0, x = 0; column < sumA.length; column++) {
            long a = 0;
            long r = 0;
            long g = 0;
            long b = 0;
            for (int end = Math.min(argb.length, x + factor); x < end; x++) {
                int p = argb[x];
                int alpha = p >>> 24;
                a += alpha;
                r += alpha * (p >> 16 & 0xFF);
                g += alpha * (p >> 8 & 0xFF);
                b += alpha * (p & 0xFF);
            }
            sumA[column] += a;
            sumR[column] += r;
            sumG[column] += g;
            sumB[column] += b;
        }
    }

    /** Writes one row of box means and clears the sums; edge boxes average only the pixels they have. */
    private static void emit(int[] out, int offset, int width, int factor, int boxRows, long[] sumA, long[] sumR, long[] sumG, long[] sumB) {
        for (int column = 0; column < sumA.length; column++) {
            int boxColumns = Math.min(factor, width - column * factor);
            long a = sumA[column];
            int pixel = 0;
            if (a > 0) {
                long count = (long) boxColumns * boxRows;
                int meanA = (int) ((a + count / 2) / count);
                pixel = meanA << 24 | (int) ((sumR[column] + a / 2) / a) << 16 | (int) ((sumG[column] + a / 2) / a) << 8
                        | (int) ((sumB[column] + a / 2) / a);
            }
            out[offset + column] = pixel;
            sumA[column] = 0;
            sumR[column] = 0;
            sumG[column] = 0;
            sumB[column] = 0;
        }
    }
}
