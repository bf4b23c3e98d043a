package dev.patterns.thumbnail.image;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One chunk of a PNG file: its type, and where its data starts and how long it is. */
record PngChunk(String type, int data, int length) {

    /** Every chunk up to IEND, in order; one that the file cuts short comes with the bytes it has. */
    static List<PngChunk> all(byte[] png) {
        List<PngChunk> chunks = new ArrayList<>();
        long at = 8; // after the signature
        while (at + 8 <= png.length) {
            int start = (int) at;
            int data = start + 8;
            long length = ImageHeader.u32(png, start);
            PngChunk chunk = new PngChunk(new String(png, start + 4, 4, StandardCharsets.ISO_8859_1), data,
                    (int) Math.min(length, png.length - (long) data));
            if (chunk.type().equals("IEND")) {
                break;
            }
            chunks.add(chunk);
            at = data + length + 4; // and the CRC
        }
        return chunks;
    }
}
