package dev.patterns.thumbnail.image;

/** The Orientation tag (0x0112) of an EXIF TIFF block; 1 when absent or unreadable. */
final class ExifOrientation {

    private ExifOrientation() {
    }

    static int read(byte[] bytes, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little = bytes[tiff] == 'I' && bytes[tiff + 1] == 'I';
        if (!little && !(bytes[tiff] == 'M' && bytes[tiff + 1] == 'M')) {
            return 1;
        }
        long ifd = tiff + u32(bytes, tiff + 4, little);
        if (ifd + 2 > end) {
            return 1;
        }
        int entries = u16(bytes, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(bytes, entry, little) == 0x0112) {
                int value = u16(bytes, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] bytes, int at, boolean little) {
        return little ? (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 : (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
    }

    private static long u32(byte[] bytes, int at, boolean little) {
        return little ? (long) u16(bytes, at, true) | (long) u16(bytes, at + 2, true) << 16
                : (long) u16(bytes, at, false) << 16 | u16(bytes, at + 2, false);
    }
}
