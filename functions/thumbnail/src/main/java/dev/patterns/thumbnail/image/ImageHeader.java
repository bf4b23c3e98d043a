package dev.patterns.thumbnail.image;

import dev.patterns.thumbnail.ImageRejectedException;

/**
 * What an image's first bytes say, read before anything is decoded: its format, dimensions and
 * (JPEG) EXIF orientation and component count. A decompression bomb is refused on this alone.
 */
public record ImageHeader(Format format, int width, int height, int orientation, int components, AdobeTransform adobe, byte[] iccProfile) {

    public enum Format { JPEG, PNG, GIF }

    /** The Adobe APP14 colour transform of a JPEG: none, YCbCr, YCCK; UNKNOWN without the marker. */
    public enum AdobeTransform { UNKNOWN, NONE, YCC, YCCK }

    public long pixels() {
        return (long) width * height;
    }

    /** Width and height as displayed, after the EXIF orientation (5-8 swap them). */
    public int displayWidth() {
        return orientation >= 5 ? height : width;
    }

    public int displayHeight() {
        return orientation >= 5 ? width : height;
    }

    public static ImageHeader read(byte[] bytes) throws ImageRejectedException {
        if (bytes.length == 0) {
            throw new ImageRejectedException("zero-byte object", null);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return jpeg(bytes);
        }
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            if (bytes.length < 24 || bytes[12] != 'I' || bytes[13] != 'H' || bytes[14] != 'D' || bytes[15] != 'R') {
                throw new ImageRejectedException("truncated PNG: no IHDR", null);
            }
            return new ImageHeader(Format.PNG, u32(bytes, 16), u32(bytes, 20), 1, 0, AdobeTransform.UNKNOWN, pngIccProfile(bytes));
        }
        if (bytes.length >= 10 && bytes[0] == 'G' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == '8') {
            return new ImageHeader(Format.GIF, (bytes[6] & 0xFF) | (bytes[7] & 0xFF) << 8, (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8,
                    1, 0, AdobeTransform.UNKNOWN, null);
        }
        throw new ImageRejectedException("not an image (JPEG, PNG or GIF expected)", null);
    }

    private static ImageHeader jpeg(byte[] bytes) throws ImageRejectedException {
        int orientation = 1;
        AdobeTransform adobe = AdobeTransform.UNKNOWN;
        java.io.ByteArrayOutputStream icc = new java.io.ByteArrayOutputStream();
        int at = 2;
        while (at + 4 <= bytes.length) {
            if ((bytes[at] & 0xFF) != 0xFF) {
                throw new ImageRejectedException("corrupt JPEG: marker expected at byte " + at, null);
            }
            int marker = bytes[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            int length = u16(bytes, at + 2);
            int segment = at + 4;
            if (segment + length - 2 > bytes.length) {
                break;
            }
            if (marker == 0xE1 && length >= 8 && bytes[segment] == 'E' && bytes[segment + 1] == 'x' && bytes[segment + 2] == 'i'
                    && bytes[segment + 3] == 'f') {
                orientation = ExifOrientation.read(bytes, segment + 6, segment + length - 2);
            } else if (marker == 0xE2 && length > 16 && new String(bytes, segment, 11, java.nio.charset.StandardCharsets.ISO_8859_1).equals("ICC_PROFILE")) {
                // Chunks come in order in practice; their sequence numbers are not checked.
                icc.write(bytes, segment + 14, length - 16);
            } else if (marker == 0xEE && length >= 14 && bytes[segment] == 'A' && bytes[segment + 1] == 'd' && bytes[segment + 2] == 'o'
                    && bytes[segment + 3] == 'b' && bytes[segment + 4] == 'e') {
                adobe = switch (bytes[segment + 11]) {
                    case 1 -> AdobeTransform.YCC;
                    case 2 -> AdobeTransform.YCCK;
                    default -> AdobeTransform.NONE;
                };
            } else if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                if (length < 8) {
                    break;
                }
                return new ImageHeader(Format.JPEG, u16(bytes, segment + 3), u16(bytes, segment + 1), orientation,
                        bytes[segment + 5] & 0xFF, adobe, icc.size() == 0 ? null : icc.toByteArray());
            } else if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            at = segment + length - 2;
        }
        throw new ImageRejectedException("truncated JPEG: no frame header", null);
    }

    /** The profile of a PNG's iCCP chunk (it comes before the image data), or null. */
    private static byte[] pngIccProfile(byte[] bytes) {
        for (PngChunk chunk : PngChunk.all(bytes)) {
            if (chunk.type().equals("IDAT")) {
                return null;
            }
            if (chunk.type().equals("iCCP")) {
                int end = chunk.data() + chunk.length();
                int name = chunk.data();
                while (name < end && bytes[name] != 0) {
                    name++;
                }
                // After the profile's name: its NUL, the compression method (0, zlib), the profile.
                int compressed = name + 2;
                return compressed < end ? inflateProfile(bytes, compressed, end - compressed) : null;
            }
        }
        return null;
    }

    /** Inflates at most {@link #MAX_PROFILE_BYTES}: a profile is metadata, never worth a zip bomb. */
    private static byte[] inflateProfile(byte[] bytes, int offset, int length) {
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        try {
            inflater.setInput(bytes, offset, length);
            java.io.ByteArrayOutputStream profile = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null; // truncated
                }
                profile.write(buffer, 0, n);
                if (profile.size() > MAX_PROFILE_BYTES) {
                    return null;
                }
            }
            return profile.toByteArray();
        } catch (java.util.zip.DataFormatException corrupt) {
            return null;
        } finally {
            inflater.end();
        }
    }

    private static final int MAX_PROFILE_BYTES = 4 << 20;

    static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
    }

    static int u32(byte[] bytes, int at) {
        long value = (long) (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | bytes[at + 3] & 0xFF;
        return value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
    }
}
