package dev.patterns.thumbnail.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Test images built here, byte by byte where the point is the container (EXIF, ICC). */
final class TestImages {

    private TestImages() {
    }

    static BufferedImage photoLike(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int noise = random.nextInt(24) - 12;
                int r = clamp(128 + (int) (100 * Math.sin(x / 97.0)) + noise);
                int g = clamp(x * 255 / width + noise);
                int b = clamp(y * 255 / height + ((x / 40 + y / 40) % 2 == 0 ? 30 : -30) + noise);
                row[x] = r << 16 | g << 8 | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    static byte[] jpeg(BufferedImage image, int quality) {
        return write("jpeg", new IIOImage(image, null, null), param -> {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
        });
    }

    /** A baseline JPEG with a restart marker every {@code interval} MCUs, as many cameras write them. */
    static byte[] jpegWithRestarts(BufferedImage image, int quality, int interval) {
        return jpegWithMetadata(image, quality, root -> {
            javax.imageio.metadata.IIOMetadataNode markers = (javax.imageio.metadata.IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
            javax.imageio.metadata.IIOMetadataNode dri = new javax.imageio.metadata.IIOMetadataNode("dri");
            dri.setAttribute("interval", Integer.toString(interval));
            markers.insertBefore(dri, markers.getFirstChild());
        });
    }

    /** A baseline colour JPEG whose chroma is sampled {@code h} x {@code v} times less than luma (1 x 1 is 4:4:4, 2 x 1 is 4:2:2). */
    static byte[] jpegWithChromaSampling(BufferedImage image, int quality, int h, int v) {
        return jpegWithMetadata(image, quality, root -> {
            org.w3c.dom.NodeList components = root.getElementsByTagName("componentSpec");
            for (int i = 0; i < components.getLength(); i++) {
                javax.imageio.metadata.IIOMetadataNode component = (javax.imageio.metadata.IIOMetadataNode) components.item(i);
                component.setAttribute("HsamplingFactor", Integer.toString(i == 0 ? h : 1));
                component.setAttribute("VsamplingFactor", Integer.toString(i == 0 ? v : 1));
            }
        });
    }

    /** A JPEG written with the writer's own metadata, as {@code edit} changes its native tree. */
    private static byte[] jpegWithMetadata(BufferedImage image, int quality, java.util.function.Consumer<javax.imageio.metadata.IIOMetadataNode> edit) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            javax.imageio.metadata.IIOMetadata metadata = writer.getDefaultImageMetadata(new javax.imageio.ImageTypeSpecifier(image), param);
            String format = "javax_imageio_jpeg_image_1.0";
            javax.imageio.metadata.IIOMetadataNode root = (javax.imageio.metadata.IIOMetadataNode) metadata.getAsTree(format);
            edit.accept(root);
            metadata.setFromTree(format, root);
            return write("jpeg", new IIOImage(image, null, metadata), settings -> {
                settings.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                settings.setCompressionQuality(quality / 100f);
            });
        } catch (javax.imageio.metadata.IIOInvalidTreeException e) {
            throw new IllegalStateException(e);
        } finally {
            writer.dispose();
        }
    }

    /** A progressive JPEG, or an interlaced (Adam7) PNG: what the fast decoders leave to ImageIO. */
    static byte[] progressive(String format, BufferedImage image) {
        return write(format, new IIOImage(image, null, null), param -> param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT));
    }

    private static byte[] write(String format, IIOImage image, java.util.function.Consumer<ImageWriteParam> settings) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            settings.accept(param);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A YCCK JPEG as Adobe writes one, from ink amounts (C, M, Y, K; 0 = no ink) per pixel: the
     * stored CMYK is inverted, its C, M, Y carried as YCbCr, and an APP14 Adobe marker says
     * transform 2. Java's writer stores four channels as given, so the conversion happens here.
     */
    static byte[] ycck(int width, int height, java.util.function.BiFunction<Integer, Integer, int[]> ink) {
        java.awt.image.WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] cmyk = ink.apply(x, y);
                // libjpeg's cmyk_ycck_convert: R, G, B = 255 - stored C, M, Y = the ink amounts.
                double r = cmyk[0];
                double g = cmyk[1];
                double b = cmyk[2];
                raster.setPixel(x, y, new int[] {
                    clamp((int) Math.round(0.299 * r + 0.587 * g + 0.114 * b)),
                    clamp((int) Math.round(-0.168736 * r - 0.331264 * g + 0.5 * b + 128)),
                    clamp((int) Math.round(0.5 * r - 0.418688 * g - 0.081312 * b + 128)),
                    255 - cmyk[3]});
            }
        }
        byte[] jpeg = write("jpeg", new IIOImage(raster, null, null), param -> { });
        byte[] adobe = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 2}; // version 100, no flags, transform 2 = YCCK
        return insertSegment(jpeg, 0xEE, adobe);
    }

    /** Inserts an APP1 Exif segment whose IFD0 holds only Orientation, right after SOI. */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
            'M', 'M', 0, 42, 0, 0, 0, 8,            // big-endian TIFF header, IFD0 at 8
            0, 1,                                    // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, 1 value
            0, 0, 0, 0};                             // no next IFD
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff);
        return insertSegment(jpeg, 0xE1, exif);
    }

    /** Inserts an APP2 ICC_PROFILE segment (single chunk) right after SOI. */
    static byte[] withIccProfile(byte[] jpeg, byte[] profile) {
        byte[] header = concat("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1), new byte[] {1, 1});
        return insertSegment(jpeg, 0xE2, concat(header, profile));
    }

    /** Inserts an iCCP chunk (the profile zlib-compressed, as the PNG spec has it) right after IHDR. */
    static byte[] withPngIccProfile(byte[] png, byte[] profile) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(profile);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return withPngChunk(png, "iCCP", concat("test profile\0\0".getBytes(StandardCharsets.ISO_8859_1), compressed.toByteArray()));
    }

    /** Inserts a chunk right after IHDR (where iCCP, and tRNS of an image without palette, may go). */
    static byte[] withPngChunk(byte[] png, String type, byte[] data) {
        int afterIhdr = 8 + 8 + 13 + 4;
        return concat(concat(java.util.Arrays.copyOfRange(png, 0, afterIhdr), pngChunk(type, data)),
                java.util.Arrays.copyOfRange(png, afterIhdr, png.length));
    }

    /** A whole chunk: length, type, data and the CRC over type and data. */
    static byte[] pngChunk(String type, byte[] data) {
        byte[] typeAndData = concat(type.getBytes(StandardCharsets.ISO_8859_1), data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(typeAndData);
        return java.nio.ByteBuffer.allocate(8 + data.length + 4).putInt(data.length).put(typeAndData).putInt((int) crc.getValue()).array();
    }

    private static byte[] insertSegment(byte[] jpeg, int marker, byte[] payload) {
        int length = payload.length + 2;
        byte[] segment = concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
