package dev.patterns.thumbnail.image;

import dev.patterns.thumbnail.ImageRejectedException;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes at reduced resolution: every {@code step}-th pixel of every {@code step}-th row, so
 * the decoded raster is bounded by the thumbnail size, not the photo's. Colour comes out as
 * sRGB: embedded ICC profiles are honoured by the conversion to packed RGB, grayscale widens,
 * and CMYK/YCCK JPEGs (which Java's own decoder cannot turn into an image) are read as raw
 * channels and converted here, Adobe's inverted storage included.
 */
final class Decoder {

    private Decoder() {
    }

    static Pixels decode(byte[] bytes, ImageHeader header, int step) throws ImageRejectedException {
        String format = header.format().name().toLowerCase();
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new ImageRejectedException("no decoder for " + format, null);
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            ImageReadParam param = reader.getDefaultReadParam();
            // Each kept pixel from the middle of its step x step cell, where a box mean would be centred.
            param.setSourceSubsampling(step, step, step / 2, step / 2);
            Pixels pixels = header.format() == ImageHeader.Format.JPEG && header.components() == 4
                    ? cmyk(reader.readRaster(0, param), header.adobe())
                    : packed(reader.read(0, param));
            // libjpeg fills a cut-off image with grey and only warns: a truncated upload, not a picture.
            if (warnings.stream().anyMatch(warning -> warning.contains("Premature end") || warning.contains("Corrupt"))) {
                throw new ImageRejectedException("truncated or corrupt " + format + ": " + warnings.getFirst(), null);
            }
            return pixels;
        } catch (IOException | RuntimeException e) {
            throw new ImageRejectedException("cannot decode " + format + " (truncated or corrupt): " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    private static Pixels packed(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage target = image;
        if (image.getType() != type) {
            // Drawing converts through the source's colour space (its ICC profile, grayscale, palette) to sRGB.
            target = new BufferedImage(image.getWidth(), image.getHeight(), type);
            Graphics2D graphics = target.createGraphics();
            graphics.drawImage(image, 0, 0, null);
            graphics.dispose();
        }
        int[] argb = target.getRGB(0, 0, target.getWidth(), target.getHeight(), null, 0, target.getWidth());
        return new Pixels(target.getWidth(), target.getHeight(), argb, alpha);
    }

    /** CMYK or YCCK channels to sRGB (naive, without a CMYK profile; good enough for thumbnails). */
    private static Pixels cmyk(Raster raster, ImageHeader.AdobeTransform adobe) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int[] argb = new int[w * h];
        int[] row = new int[w * 4];
        boolean inverted = adobe != ImageHeader.AdobeTransform.UNKNOWN;
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
            for (int x = 0; x < w; x++) {
                int c = row[x * 4];
                int m = row[x * 4 + 1];
                int yy = row[x * 4 + 2];
                int k = row[x * 4 + 3];
                if (adobe == ImageHeader.AdobeTransform.YCCK) {
                    // The first three channels are YCbCr of Adobe's inverted C, M, Y.
                    double luma = c;
                    double cb = m - 128.0;
                    double cr = yy - 128.0;
                    c = 255 - clamp(luma + 1.402 * cr);
                    m = 255 - clamp(luma - 0.344136 * cb - 0.714136 * cr);
                    yy = 255 - clamp(luma + 1.772 * cb);
                }
                if (!inverted) {
                    c = 255 - c;
                    m = 255 - m;
                    yy = 255 - yy;
                    k = 255 - k;
                }
                int r = c * k / 255;
                int g = m * k / 255;
                int b = yy * k / 255;
                argb[y * w + x] = 0xFF000000 | r << 16 | g << 8 | b;
            }
        }
        return new Pixels(w, h, argb, false);
    }

    private static int clamp(double value) {
        return value < 0 ? 0 : value > 255 ? 255 : (int) Math.round(value);
    }
}
