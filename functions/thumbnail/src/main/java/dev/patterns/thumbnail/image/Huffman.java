package dev.patterns.thumbnail.image;

import dev.patterns.thumbnail.ImageRejectedException;

/** A JPEG Huffman table: a 9-bit lookahead table for the common short codes, the canonical walk for the rest. */
final class Huffman {

    private static final int LOOKAHEAD = 9;

    private final int[] lookup = new int[1 << LOOKAHEAD];
    private final int[] maxCode = new int[18];
    private final int[] valueOffset = new int[17];
    private final int[] symbols;

    Huffman(int[] counts, int[] symbols) {
        this.symbols = symbols;
        int code = 0;
        int index = 0;
        for (int length = 1; length <= 16; length++) {
            valueOffset[length] = index - code;
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
