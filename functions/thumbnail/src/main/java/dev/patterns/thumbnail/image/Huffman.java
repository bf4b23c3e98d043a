package dev.patterns.thumbnail.image;

import dev.patterns.thumbnail.ImageRejectedException;

/** A JPEG Huffman table: a 9-bit lookahead table for the common short codes, the canonical walk for the rest. */
final class Huffman {

    private static final int LOOKAHEAD = 9;

    private final int[] lookup = new int[1 << LOOKAHEAD];
    /** For AC tables: a code and the value bits after it, both within the lookahead, decoded at once (see {@link #fastAc}). */
    private final int[] fastAc = new int[1 << LOOKAHEAD];
    private final int[] maxCode = new int[18];
    private final int[] valueOffset = new int[17];
    private final int[] symbols;

    Huffman(int[] counts, int[] symbols) throws ImageRejectedException {
        this.symbols = symbols;
        int code = 0;
        int index = 0;
        for (int length = 1; length <= 16; length++) {
            valueOffset[length] = index - code;
            if (code + counts[length] > 1 << length) {
                throw new ImageRejectedException("corrupt JPEG: a Huffman table with more " + length + "-bit codes than there are", null);
            }
            for (int i = 0; i < counts[length]; i++) {
                if (length <= LOOKAHEAD) {
                    int shift = LOOKAHEAD - length;
                    for (int fill = 0; fill < 1 << shift; fill++) {
                        lookup[code << shift | fill] = length << 8 | symbols[index];
                    }
                }
                code++;
                index++;
            }
            maxCode[length] = counts[length] == 0 ? -1 : code - 1;
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
        for (int bits = 0; bits < lookup.length; bits++) {
            int length = lookup[bits] >> 8;
            int symbol = lookup[bits] & 0xFF;
            int size = symbol & 0x0F;
            if (length > 0 && size > 0 && length + size <= LOOKAHEAD) {
                int raw = bits >> (LOOKAHEAD - length - size) & (1 << size) - 1;
                int value = raw < 1 << (size - 1) ? raw - (1 << size) + 1 : raw;
                fastAc[bits] = value << 16 | (symbol >> 4) << 8 | length + size;
            }
        }
    }

    /**
     * The next AC coefficient in one lookup, as libjpeg and stb_image do for the common short
     * cases: 0 when the next code is long, an end of block or a run of 16 zeros (use
     * {@link #decode}); otherwise the coefficient in the high 16 bits (signed), the zero run
     * before it in bits 8-11 and the bits to skip in the low byte.
     */
    int fastAc(BitReader bits) {
        return fastAc[bits.peek(LOOKAHEAD)];
    }

    int decode(BitReader bits) throws ImageRejectedException {
        int entry = lookup[bits.peek(LOOKAHEAD)];
        if (entry != 0) {
            bits.skip(entry >> 8);
            return entry & 0xFF;
        }
        for (int length = LOOKAHEAD + 1; length <= 16; length++) {
            int code = bits.peek(length);
            if (code <= maxCode[length]) {
                bits.skip(length);
                return symbols[valueOffset[length] + code];
            }
        }
        throw new ImageRejectedException("corrupt JPEG: an invalid Huffman code", null);
    }
}
