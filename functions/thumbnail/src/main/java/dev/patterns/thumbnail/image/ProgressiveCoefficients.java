package dev.patterns.thumbnail.image;

import dev.patterns.thumbnail.ImageRejectedException;

/**
 * The entropy decoding of progressive JPEG scans, block by block, into a component's
 * coefficients (libjpeg's jdphuff): DC first passes and refinements, AC band first passes with
 * end-of-band runs across blocks, and AC refinements with their correction bits. One instance per
 * scan: the end-of-band run lives from block to block within it, and a restart clears it.
 */
final class ProgressiveCoefficients {

    private int endOfBandRun;

    void restart() {
        endOfBandRun = 0;
    }

    /** A DC coefficient's first pass (a Huffman-coded difference, shifted by the point transform) or its refinement (one bit). */
    static void decodeDc(BitReader bits, JpegComponent component, int block, int high, int low) throws ImageRejectedException {
        if (high == 0) {
            int size = component.dc.decode(bits);
            component.prediction += size == 0 ? 0 : ScaledJpegDecoder.extend(bits.read(size), size);
            if (component.dcCoefficients != null) {
                component.dcCoefficients[block] = component.prediction << low;
            } else {
                component.coefficients[block * 64] = (short) (component.prediction << low);
            }
        } else if (bits.read(1) != 0) {
            if (component.dcCoefficients != null) {
                component.dcCoefficients[block] |= 1 << low;
            } else {
                component.coefficients[block * 64] |= (short) (1 << low);
            }
        }
    }

    /** An AC band's first pass for one block (libjpeg's decode_mcu_AC_first), with end-of-band runs across blocks. */
    void decodeAcFirst(BitReader bits, JpegComponent component, int base, int start, int end, int low) throws ImageRejectedException {
        if (endOfBandRun > 0) {
            endOfBandRun--;
            return;
        }
        short[] coefficients = component.coefficients;
        for (int k = start; k <= end; k++) {
            int symbol = component.ac.decode(bits);
            int run = symbol >> 4;
            int size = symbol & 0x0F;
            if (size != 0) {
                k += run;
                if (k > 63) {
                    throw new ImageRejectedException("corrupt JPEG: coefficient index past the block", null);
                }
                coefficients[base + k] = (short) (ScaledJpegDecoder.extend(bits.read(size), size) << low);
            } else if (run < 15) {
                endOfBandRun = (1 << run) - 1 + (run == 0 ? 0 : bits.read(run));
                return;
            } else {
                k += 15;
            }
        }
    }

    /**
     * An AC band's refinement for one block (libjpeg's decode_mcu_AC_refine): one correction bit
     * for every coefficient already nonzero, and newly nonzero ones of magnitude 1 << low.
     */
    void decodeAcRefinement(BitReader bits, JpegComponent component, int base, int start, int end, int low)
            throws ImageRejectedException {
        short[] coefficients = component.coefficients;
        int plus = 1 << low;
        int minus = -1 << low;
        int k = start;
        if (endOfBandRun == 0) {
            for (; k <= end; k++) {
                int symbol = component.ac.decode(bits);
                int run = symbol >> 4;
                int value = 0;
                if ((symbol & 0x0F) != 0) {
                    value = bits.read(1) != 0 ? plus : minus;
                } else if (run != 15) {
                    endOfBandRun = (1 << run) + (run == 0 ? 0 : bits.read(run));
                    break;
                }
                do {
                    int at = base + k;
                    if (coefficients[at] != 0) {
                        refine(bits, coefficients, at, plus, minus);
                    } else if (--run < 0) {
                        break;
                    }
                    k++;
                } while (k <= end);
                if (value != 0) {
                    if (k > 63) {
                        throw new ImageRejectedException("corrupt JPEG: coefficient index past the block", null);
                    }
                    coefficients[base + k] = (short) value;
                }
            }
        }
        if (endOfBandRun > 0) {
            for (; k <= end; k++) {
                if (coefficients[base + k] != 0) {
                    refine(bits, coefficients, base + k, plus, minus);
                }
            }
            endOfBandRun--;
        }
    }

    private static void refine(BitReader bits, short[] coefficients, int at, int plus, int minus) {
        if (bits.read(1) != 0 && (coefficients[at] & plus) == 0) {
            coefficients[at] += (short) (coefficients[at] >= 0 ? plus : minus);
        }
    }
}
