package dev.patterns.thumbnail.image;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/** Converts pixels decoded in an embedded RGB or greyscale ICC profile's colour space to sRGB, alpha untouched. */
final class ColorProfiles {

    private ColorProfiles() {
    }

    static Pixels toSrgb(Pixels pixels, byte[] profileBytes) {
        ICC_Profile profile;
        try {
            profile = ICC_Profile.getInstance(profileBytes);
        } catch (IllegalArgumentException unreadable) {
            return pixels; // a broken profile: show the pixels as they are rather than nothing
        }
        boolean rgb = profile.getColorSpaceType() == ColorSpace.TYPE_RGB && profile.getNumComponents() == 3;
        boolean gray = profile.getColorSpaceType() == ColorSpace.TYPE_GRAY && profile.getNumComponents() == 1;
        if (!rgb && !gray) {
            return pixels; // a CMYK profile on a CMYK JPEG is left to the naive conversion
        }
        int w = pixels.width();
        int h = pixels.height();
        int bands = rgb ? 3 : 1;
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, bands, null);
        byte[] samples = ((java.awt.image.DataBufferByte) raster.getDataBuffer()).getData();
        int[] argb = pixels.argb();
        for (int i = 0; i < argb.length; i++) {
            if (rgb) {
                samples[i * 3] = (byte) (argb[i] >> 16);
                samples[i * 3 + 1] = (byte) (argb[i] >> 8);
            }
            samples[i * bands + bands - 1] = (byte) argb[i]; // blue, or the grey a greyscale image repeats in every channel
        }
        ComponentColorModel model = new ComponentColorModel(new ICC_ColorSpace(profile), false, false,
                java.awt.Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        BufferedImage source = new BufferedImage(model, raster, false, null);
        BufferedImage srgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        new ColorConvertOp(null).filter(source, srgb);
        int[] converted = srgb.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < converted.length; i++) {
            converted[i] = argb[i] & 0xFF000000 | converted[i] & 0x00FFFFFF; // the profile covers colour, not alpha
        }
        return new Pixels(w, h, converted, pixels.alpha());
    }
}
