package dev.patterns.thumbnail.image;

/**
 * The entropy-coded bits of a JPEG scan: byte stuffing (FF 00) removed, a marker ends the data
 * (zeros are read past it, as libjpeg does), restart markers skipped on {@link #restart()}.
 */
final class BitReader {

    private final byte[] data;
    private int position;
    private long buffer;
    private int count;
    private boolean atMarker;
    private boolean exhausted;

    BitReader(byte[] data, int start) {
        this.data = data;
        this.position = start;
    }

    int peek(int bits) {
        if (count < bits) {
            fill();
        }
        return (int) (buffer >>> (count - bits)) & ((1 << bits) - 1);
    }

    void skip(int bits) {
        count -= bits;
    }

    int read(int bits) {
        int value = peek(bits);
        count -= bits;
        return value;
    }

    /** True when the data ran out with no marker after it: the file was cut off. */
    boolean exhausted() {
        return exhausted;
    }

    void restart() {
        count = 0;
        buffer = 0;
        atMarker = false;
        if (position + 1 < data.length && (data[position] & 0xFF) == 0xFF && (data[position + 1] & 0xF8) == 0xD0) {
            position += 2;
        }
    }

    private void fill() {
        while (count <= 56) {
            int next;
            if (atMarker) {
                next = 0;
            } else if (position >= data.length) {
                exhausted = true;
                atMarker = true;
                next = 0;
            } else {
                next = data[position] & 0xFF;
                if (next == 0xFF) {
                    int after = position + 1 < data.length ? data[position + 1] & 0xFF : -1;
                    if (after == 0) {
                        position += 2;
                    } else {
                        atMarker = true;
                        next = 0;
                    }
                } else {
                    position++;
                }
            }
            buffer = buffer << 8 | next;
            count += 8;
        }
    }
}
