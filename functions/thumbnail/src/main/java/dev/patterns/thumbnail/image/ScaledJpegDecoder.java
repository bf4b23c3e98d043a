package dev.patterns.thumbnail.image;

import dev.patterns.thumbnail.ImageRejectedException;

/**
 * Decodes a Huffman-coded 8-bit JPEG, baseline or progressive, straight to 1/1, 1/2, 1/4 or 1/8 of its
 * size in the DCT domain, as libjpeg's scaled decoding does for Pillow and sharp: each output
 * sample is the exact average of the block's full-resolution pixels it covers, computed from the
 * coefficients with a small matrix product instead of a full inverse DCT. A progressive JPEG
 * is decoded scan by scan into its coefficients and turned into samples the same way at the end;
 * at 1/8 it needs nothing but each block's DC coefficient, so only its DC scans are decoded and
 * every AC scan is skipped unread. Anything else (arithmetic, 12-bit, CMYK, non-interleaved
 * baseline) returns null: the caller falls back to Java's general decoder.
 */
final class ScaledJpegDecoder {

    private static final int[] ZIGZAG = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
        28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54,
        47, 55, 62, 63};

    private final byte[] data;
    private final int[][] quant = new int[4][];
    private final Huffman[] dcTables = new Huffman[4];
    private final Huffman[] acTables = new Huffman[4];
    private int width;
    private int height;
    private int restartInterval;
    private JpegComponent[] components;
    private boolean progressive;
    private int scale;

    private ScaledJpegDecoder(byte[] data) {
        this.data = data;
    }

    /** @return the image at 1/{@code scale} (1, 2, 4 or 8), or null when this file needs the general decoder */
    static Pixels decode(byte[] data, int scale) throws ImageRejectedException {
        return new ScaledJpegDecoder(data).run(scale);
    }

    private Pixels run(int scale) throws ImageRejectedException {
        this.scale = scale;
        int at = 2;
        boolean frame = false;
        while (at + 2 <= data.length) {
            if ((data[at] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = data[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == 0xD9 && progressive) {
                return progressiveImage();
            }
            if (at + 4 > data.length) {
                break;
            }
            int length = ImageHeader.u16(data, at + 2);
            int segment = at + 4;
            int end = segment + length - 2;
            if (end > data.length) {
                throw new ImageRejectedException("truncated JPEG: a header segment is cut off", null);
            }
            switch (marker) {
                case 0xDB -> readQuantTables(segment, end);
                case 0xC4 -> readHuffmanTables(segment, end);
                case 0xDD -> restartInterval = ImageHeader.u16(data, segment);
                case 0xC0, 0xC1 -> {
                    if (!readFrame(segment, end)) {
                        return null;
                    }
                    frame = true;
                }
                case 0xC2 -> {
                    if (!readFrame(segment, end) || !samplingSupported()) {
                        return null;
                    }
                    progressive = true;
                    frame = true;
                }
                case 0xDA -> {
                    if (!frame) {
                        return null;
                    }
                    if (!progressive) {
                        return readScan(segment, end, scale);
                    }
                    end = readProgressiveScan(segment, end);
                    if (end < 0) {
                        return null;
                    }
                }
                default -> {
                    if (marker >= 0xC2 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                        return null; // progressive, lossless or arithmetic
                    }
                }
            }
            at = end;
        }
        throw new ImageRejectedException(progressive ? "truncated JPEG: the image data ends before its last scan"
                : "truncated JPEG: no scan", null);
    }

    private void readQuantTables(int at, int end) throws ImageRejectedException {
        while (at < end) {
            int precision = (data[at] & 0xFF) >> 4;
            int id = data[at] & 0x0F;
            int[] table = new int[64];
            at++;
            if (at + (precision == 0 ? 64 : 128) > end) {
                throw new ImageRejectedException("corrupt JPEG: a quantization table runs past its segment", null);
            }
            for (int i = 0; i < 64; i++) {
                table[ZIGZAG[i]] = precision == 0 ? data[at + i] & 0xFF : ImageHeader.u16(data, at + 2 * i);
            }
            at += precision == 0 ? 64 : 128;
            quant[id & 3] = table;
        }
    }

    private void readHuffmanTables(int at, int end) throws ImageRejectedException {
        while (at < end) {
            if (at + 17 > end) {
                throw new ImageRejectedException("corrupt JPEG: a Huffman table runs past its segment", null);
            }
            int tableClass = (data[at] & 0xFF) >> 4;
            int id = data[at] & 0x03;
            int[] counts = new int[17];
            int total = 0;
            for (int i = 1; i <= 16; i++) {
                counts[i] = data[at + i] & 0xFF;
                total += counts[i];
            }
            if (at + 17 + total > end) {
                throw new ImageRejectedException("corrupt JPEG: a Huffman table runs past its segment", null);
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = data[at + 17 + i] & 0xFF;
            }
            (tableClass == 0 ? dcTables : acTables)[id] = new Huffman(counts, symbols);
            at += 17 + total;
        }
    }

    private boolean readFrame(int at, int end) {
        if (at + 6 > end || (data[at] & 0xFF) != 8 || at + 6 + (data[at + 5] & 0xFF) * 3 > end) {
            return false;
        }
        height = ImageHeader.u16(data, at + 1);
        width = ImageHeader.u16(data, at + 3);
        int count = data[at + 5] & 0xFF;
        if (count != 1 && count != 3) {
            return false;
        }
        components = new JpegComponent[count];
        for (int i = 0; i < count; i++) {
            JpegComponent component = new JpegComponent();
            component.id = data[at + 6 + i * 3] & 0xFF;
            component.h = (data[at + 7 + i * 3] & 0xFF) >> 4;
            component.v = data[at + 7 + i * 3] & 0x0F;
            component.quantTable = data[at + 8 + i * 3] & 0x03;
            if (component.h < 1 || component.h > 4 || component.v < 1 || component.v > 4) {
                return false;
            }
            components[i] = component;
        }
        return width > 0 && height > 0;
    }

    private Pixels readScan(int at, int end, int scale) throws ImageRejectedException {
        JpegComponent[] scanned = scanComponents(at, end);
        if (scanned.length != components.length) {
            return null; // non-interleaved baseline: rare, left to the general decoder
        }
        for (JpegComponent component : scanned) {
            if (component.dc == null || component.ac == null || quant[component.quantTable] == null) {
                return null;
            }
        }
        if (!samplingSupported()) {
            return null;
        }
        int n = 8 / scale;
        int mcusX = mcusX();
        int mcusY = mcusY();
        for (JpegComponent component : components) {
            component.planeWidth = mcusX * component.h * n;
            component.plane = new int[component.planeWidth * mcusY * component.v * n];
        }
        for (JpegComponent component : components) {
            component.weights = ScaledIdct.weights(quant[component.quantTable], n);
            if (n == 2) {
                component.quarterWeights = new float[64 * 4];
                for (int position = 0; position < 64; position++) {
                    if (component.weights[position] != null) {
                        System.arraycopy(component.weights[position], 0, component.quarterWeights, position * 4, 4);
                    }
                }
            }
        }
        float[] samples = new float[n * n];
        BitReader bits = new BitReader(data, end);
        int restartsLeft = restartInterval;
        for (int mcuY = 0; mcuY < mcusY; mcuY++) {
            for (int mcuX = 0; mcuX < mcusX; mcuX++) {
                restartsLeft = restartIfDue(bits, components, null, restartsLeft);
                for (JpegComponent component : components) {
                    for (int by = 0; by < component.v; by++) {
                        for (int bx = 0; bx < component.h; bx++) {
                            if (n == 2) {
                                decodeQuarterBlock(bits, component, samples);
                            } else {
                                decodeBlock(bits, component, samples);
                            }
                            int x0 = (mcuX * component.h + bx) * n;
                            int y0 = (mcuY * component.v + by) * n;
                            store(samples, n, component.plane, y0 * component.planeWidth + x0, component.planeWidth);
                        }
                    }
                }
            }
        }
        if (bits.exhausted()) {
            throw new ImageRejectedException("truncated JPEG: the image data ends before the last block", null);
        }
        return toRgb(n, hMax(), vMax());
    }

    /**
     * The components a scan header names, with the Huffman tables it gives them; a null entry
     * for an id the frame does not have.
     */
    private JpegComponent[] scanComponents(int at, int end) throws ImageRejectedException {
        int count = data[at] & 0xFF;
        if (at + 4 + count * 2 > end) {
            throw new ImageRejectedException("corrupt JPEG: a scan header runs past its segment", null);
        }
        JpegComponent[] scanned = new JpegComponent[count];
        for (int i = 0; i < count; i++) {
            int id = data[at + 1 + i * 2] & 0xFF;
            int tables = data[at + 2 + i * 2] & 0xFF;
            for (JpegComponent component : components) {
                if (component.id == id) {
                    scanned[i] = component;
                    component.dc = dcTables[tables >> 4 & 3];
                    component.ac = acTables[tables & 3];
                }
            }
        }
        return scanned;
    }

    private int mcusX() {
        return (width + 8 * hMax() - 1) / (8 * hMax());
    }

    private int mcusY() {
        return (height + 8 * vMax() - 1) / (8 * vMax());
    }

    private int hMax() {
        int hMax = 1;
        for (JpegComponent component : components) {
            hMax = Math.max(hMax, component.h);
        }
        return hMax;
    }

    private int vMax() {
        int vMax = 1;
        for (JpegComponent component : components) {
            vMax = Math.max(vMax, component.v);
        }
        return vMax;
    }

    /** Sampling factors whose ratios are powers of two (all real files); unusual ones (e.g. 3x) go to the general decoder. */
    private boolean samplingSupported() {
        int hMax = hMax();
        int vMax = vMax();
        for (JpegComponent component : components) {
            if (Integer.bitCount(hMax / component.h) != 1 || hMax % component.h != 0
                    || Integer.bitCount(vMax / component.v) != 1 || vMax % component.v != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * One scan of a progressive JPEG: a DC scan (spectral selection 0-0, first pass or a
     * successive-approximation refinement, one component or several interleaved) or an AC scan
     * (one component, a band of coefficients, first pass or refinement), decoded into the
     * components' coefficients; at 1/8 an AC scan is skipped. Returns where the scan's
     * entropy-coded data ends, or -1 when this file needs the general decoder.
     */
    private int readProgressiveScan(int at, int end) throws ImageRejectedException {
        JpegComponent[] scanned = scanComponents(at, end);
        int count = scanned.length;
        if (java.util.Arrays.asList(scanned).contains(null)) {
            return -1;
        }
        int spectralStart = data[at + 1 + count * 2] & 0xFF;
        int spectralEnd = data[at + 2 + count * 2] & 0xFF;
        int high = (data[at + 3 + count * 2] & 0xFF) >> 4;
        int low = data[at + 3 + count * 2] & 0x0F;
        boolean dcOnly = scale == 8;
        if (spectralStart != 0 && dcOnly) {
            return endOfEntropyData(end); // AC: nothing a 1/8 image needs
        }
        if (spectralStart == 0 && spectralEnd != 0 || spectralStart > spectralEnd || spectralEnd > 63
                || spectralStart != 0 && count != 1) {
            throw new ImageRejectedException("corrupt JPEG: an impossible progressive scan", null);
        }
        int hMax = hMax();
        int vMax = vMax();
        int mcusX = mcusX();
        int mcusY = mcusY();
        for (JpegComponent component : scanned) {
            if (component.dcCoefficients == null && component.coefficients == null) {
                component.blocksWide = mcusX * component.h;
                int blocks = component.blocksWide * mcusY * component.v;
                if (dcOnly) {
                    component.dcCoefficients = new int[blocks];
                } else {
                    component.coefficients = new short[blocks * 64];
                }
            }
            // A DC refinement reads raw bits; every other scan decodes Huffman codes and needs its table.
            boolean dcRefinement = spectralStart == 0 && high != 0;
            if (!dcRefinement && (spectralStart == 0 ? component.dc : component.ac) == null) {
                return -1;
            }
            component.prediction = 0;
        }
        ProgressiveCoefficients scan = new ProgressiveCoefficients();
        BitReader bits = new BitReader(data, end);
        int restartsLeft = restartInterval;
        if (count == 1) {
            // A single component's scan is not interleaved: its own blocks in raster order, without MCU padding.
            JpegComponent component = scanned[0];
            int blocksX = ((width * component.h + hMax - 1) / hMax + 7) / 8;
            int blocksY = ((height * component.v + vMax - 1) / vMax + 7) / 8;
            for (int by = 0; by < blocksY; by++) {
                for (int bx = 0; bx < blocksX; bx++) {
                    restartsLeft = restartIfDue(bits, scanned, scan, restartsLeft);
                    int block = by * component.blocksWide + bx;
                    if (spectralStart == 0) {
                        ProgressiveCoefficients.decodeDc(bits, component, block, high, low);
                    } else if (high == 0) {
                        scan.decodeAcFirst(bits, component, block * 64, spectralStart, spectralEnd, low);
                    } else {
                        scan.decodeAcRefinement(bits, component, block * 64, spectralStart, spectralEnd, low);
                    }
                }
            }
        } else {
            for (int mcuY = 0; mcuY < mcusY; mcuY++) {
                for (int mcuX = 0; mcuX < mcusX; mcuX++) {
                    restartsLeft = restartIfDue(bits, scanned, scan, restartsLeft);
                    for (JpegComponent component : scanned) {
                        for (int by = 0; by < component.v; by++) {
                            for (int bx = 0; bx < component.h; bx++) {
                                int block = (mcuY * component.v + by) * component.blocksWide + mcuX * component.h + bx;
                                ProgressiveCoefficients.decodeDc(bits, component, block, high, low);
                            }
                        }
                    }
                }
            }
        }
        if (bits.exhausted()) {
            throw new ImageRejectedException("truncated JPEG: the image data ends inside a scan", null);
        }
        return endOfEntropyData(end);
    }

    /**
     * Counts MCUs down to the next restart marker; at one, the bit reader, the DC predictions and
     * (progressive AC, when {@code scan} is given) the end-of-band run start afresh.
     */
    private int restartIfDue(BitReader bits, JpegComponent[] scanned, ProgressiveCoefficients scan, int restartsLeft) {
        if (restartInterval == 0) {
            return 0;
        }
        if (restartsLeft == 0) {
            bits.restart();
            for (JpegComponent component : scanned) {
                component.prediction = 0;
            }
            if (scan != null) {
                scan.restart();
            }
            restartsLeft = restartInterval;
        }
        return restartsLeft - 1;
    }

    /** Where a scan's entropy-coded data ends: the first marker that is neither stuffing (FF 00) nor a restart (FF D0-D7). */
    private int endOfEntropyData(int at) throws ImageRejectedException {
        for (int i = at; i + 1 < data.length; i++) {
            if ((data[i] & 0xFF) == 0xFF) {
                int next = data[i + 1] & 0xFF;
                if (next != 0 && (next < 0xD0 || next > 0xD7) && next != 0xFF) {
                    return i;
                }
            }
        }
        throw new ImageRejectedException("truncated JPEG: the image data ends inside a scan", null);
    }

    /** A progressive JPEG's image at 1/scale, from the coefficients its scans left (at 1/8, from DC alone). */
    private Pixels progressiveImage() throws ImageRejectedException {
        int n = 8 / scale;
        float[] samples = new float[n * n];
        for (JpegComponent component : components) {
            if (component.dcCoefficients == null && component.coefficients == null || quant[component.quantTable] == null) {
                throw new ImageRejectedException("corrupt JPEG: a component has no scan", null);
            }
            float[][] weights = ScaledIdct.weights(quant[component.quantTable], n);
            int blocks = component.dcCoefficients != null ? component.dcCoefficients.length : component.coefficients.length / 64;
            int blocksHigh = blocks / component.blocksWide;
            component.planeWidth = component.blocksWide * n;
            component.plane = new int[component.planeWidth * blocksHigh * n];
            for (int block = 0; block < blocks; block++) {
                if (component.dcCoefficients != null) {
                    samples[0] = component.dcCoefficients[block] * weights[0][0];
                } else {
                    java.util.Arrays.fill(samples, 0);
                    for (int k = 0; k < 64; k++) {
                        int coefficient = component.coefficients[block * 64 + k];
                        float[] w = weights[ZIGZAG[k]];
                        if (coefficient != 0 && w != null) {
                            for (int i = 0; i < samples.length; i++) {
                                samples[i] += coefficient * w[i];
                            }
                        }
                    }
                }
                int row = block / component.blocksWide;
                int column = block % component.blocksWide;
                store(samples, n, component.plane, row * n * component.planeWidth + column * n, component.planeWidth);
            }
        }
        return toRgb(n, hMax(), vMax());
    }

    /** Decodes one block straight into its n x n samples (before the level shift). */
    private void decodeBlock(BitReader bits, JpegComponent component, float[] samples) throws ImageRejectedException {
        float[][] weights = component.weights;
        int size = component.dc.decode(bits);
        int diff = size == 0 ? 0 : extend(bits.read(size), size);
        component.prediction += diff;
        float[] dc = weights[0];
        float value = component.prediction;
        for (int s = 0; s < samples.length; s++) {
            samples[s] = value * dc[s];
        }
        Huffman ac = component.ac;
        for (int k = 1; k < 64; k++) {
            int coefficient;
            int fast = ac.fastAc(bits);
            if (fast != 0) {
                bits.skip(fast & 0xFF);
                k += fast >> 8 & 0x0F;
                coefficient = fast >> 16;
            } else {
                int symbol = ac.decode(bits);
                int bitsSize = symbol & 0x0F;
                if (bitsSize == 0) {
                    if (symbol >> 4 != 15) {
                        break;
                    }
                    k += 15;
                    continue;
                }
                k += symbol >> 4;
                coefficient = k > 63 ? 0 : extend(bits.read(bitsSize), bitsSize);
            }
            if (k > 63) {
                throw new ImageRejectedException("corrupt JPEG: coefficient index past the block", null);
            }
            float[] w = weights[ZIGZAG[k]];
            if (w != null) {
                for (int s = 0; s < samples.length; s++) {
                    samples[s] += coefficient * w[s];
                }
            }
        }
    }

    /**
     * {@link #decodeBlock} for 1/4 scale, the usual case for photos: one flat weight table, the
     * four sums in registers. Its coefficient loop repeats decodeBlock's on purpose: one shared
     * method for the next coefficient measured 5-7% slower on a 24 MP photo.
     */
    private void decodeQuarterBlock(BitReader bits, JpegComponent component, float[] samples) throws ImageRejectedException {
        float[] w = component.quarterWeights;
        int size = component.dc.decode(bits);
        component.prediction += size == 0 ? 0 : extend(bits.read(size), size);
        float dc = component.prediction;
        float s0 = dc * w[0];
        float s1 = dc * w[1];
        float s2 = dc * w[2];
        float s3 = dc * w[3];
        Huffman ac = component.ac;
        for (int k = 1; k < 64; k++) {
            float coefficient;
            int fast = ac.fastAc(bits);
            if (fast != 0) {
                bits.skip(fast & 0xFF);
                k += fast >> 8 & 0x0F;
                coefficient = fast >> 16;
            } else {
                int symbol = ac.decode(bits);
                int bitsSize = symbol & 0x0F;
                if (bitsSize == 0) {
                    if (symbol >> 4 != 15) {
                        break;
                    }
                    k += 15;
                    continue;
                }
                k += symbol >> 4;
                coefficient = k > 63 ? 0 : extend(bits.read(bitsSize), bitsSize);
            }
            if (k > 63) {
                throw new ImageRejectedException("corrupt JPEG: coefficient index past the block", null);
            }
            int at = ZIGZAG[k] << 2;
            s0 += coefficient * w[at];
            s1 += coefficient * w[at + 1];
            s2 += coefficient * w[at + 2];
            s3 += coefficient * w[at + 3];
        }
        samples[0] = s0;
        samples[1] = s1;
        samples[2] = s2;
        samples[3] = s3;
    }

    private static void store(float[] samples, int n, int[] plane, int offset, int stride) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int value = (int) (samples[i * n + j] + 128.5f);
                plane[offset + i * stride + j] = value < 0 ? 0 : Math.min(value, 255);
            }
        }
    }

    /** A JPEG magnitude category's bits as a signed value (the spec's EXTEND). */
    static int extend(int value, int size) {
        return value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
    }

    private Pixels toRgb(int n, int hMax, int vMax) {
        int outW = (width * n + 7) / 8;
        int outH = (height * n + 7) / 8;
        int[] argb = new int[outW * outH];
        JpegComponent y = components[0];
        if (components.length == 1) {
            for (int row = 0; row < outH; row++) {
                for (int col = 0; col < outW; col++) {
                    int gray = y.plane[row * y.planeWidth + col];
                    argb[row * outW + col] = 0xFF000000 | gray << 16 | gray << 8 | gray;
                }
            }
            return new Pixels(outW, outH, argb, false);
        }
        JpegComponent cb = components[1];
        JpegComponent cr = components[2];
        // Sampling factors are powers of two in practice, so the chroma position is a shift.
        int yShiftX = shift(hMax / y.h);
        int yShiftY = shift(vMax / y.v);
        int cbShiftX = shift(hMax / cb.h);
        int cbShiftY = shift(vMax / cb.v);
        int crShiftX = shift(hMax / cr.h);
        int crShiftY = shift(vMax / cr.v);
        for (int row = 0; row < outH; row++) {
            int cbRow = (row >> cbShiftY) * cb.planeWidth;
            int crRow = (row >> crShiftY) * cr.planeWidth;
            int yRow = (row >> yShiftY) * y.planeWidth;
            for (int col = 0; col < outW; col++) {
                int luma = y.plane[yRow + (col >> yShiftX)];
                int blue = cb.plane[cbRow + (col >> cbShiftX)] - 128;
                int red = cr.plane[crRow + (col >> crShiftX)] - 128;
                int r = clamp(luma + ((91881 * red + 32768) >> 16));
                int g = clamp(luma - ((22554 * blue + 46802 * red - 32768) >> 16));
                int b = clamp(luma + ((116130 * blue + 32768) >> 16));
                argb[row * outW + col] = 0xFF000000 | r << 16 | g << 8 | b;
            }
        }
        return new Pixels(outW, outH, argb, false);
    }

    private static int shift(int ratio) {
        return Integer.numberOfTrailingZeros(ratio);
    }

    private static int clamp(int value) {
        return value < 0 ? 0 : Math.min(value, 255);
    }
}
