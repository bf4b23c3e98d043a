package dev.patterns.thumbnail.image;

import dev.patterns.thumbnail.ImageRejectedException;
import dev.patterns.thumbnail.Rendition;
import dev.patterns.thumbnail.ThumbnailRenderer;
import java.util.ArrayList;
import java.util.List;

/**
 * Header first (format, size, orientation; bombs refused before any decode), then one decode at
 * the reduced resolution the largest thumbnail needs, the EXIF orientation applied, and a
 * Lanczos resize to each requested longest edge (never up). Opaque results are JPEG, results
 * with transparency PNG.
 *
 * <p>Memory: a baseline JPEG decodes at 1-2x the largest thumbnail edge E, anything else at
 * 2-4x; the decoded raster is then at most (4E)^2 pixels at 4 bytes each, plus the resize's
 * float rows: about 176 E^2 bytes in all, whatever the photo's size, on top of the compressed
 * upload itself. A progressive JPEG at 1/2 or 1/4 also keeps its coefficients between scans
 * (3 bytes a source pixel in 4:2:0), as every progressive decoder must.
 */
public final class ImagePipeline implements ThumbnailRenderer {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImagePipeline.class);

    private final long maxPixels;
    private final int jpegQuality;

    public ImagePipeline(long maxPixels, int jpegQuality) {
        this.maxPixels = maxPixels;
        this.jpegQuality = jpegQuality;
    }

    @Override
    public List<Rendition> render(byte[] image, List<Integer> longestEdges) throws ImageRejectedException {
        ImageHeader header = ImageHeader.read(image);
        if (header.width() <= 0 || header.height() <= 0) {
            throw new ImageRejectedException("image declares no pixels (" + header.width() + "x" + header.height() + ")", null);
        }
        if (header.pixels() > maxPixels) {
            throw new ImageRejectedException("decompression bomb refused: " + header.width() + "x" + header.height() + " is "
                    + header.pixels() + " pixels, over the limit of " + maxPixels, null);
        }
        int largest = longestEdges.stream().mapToInt(Integer::intValue).max().orElseThrow();
        int dctScale = dctScale(header, largest);
        int step = step(header, largest);
        Pixels raw;
        try {
            raw = switch (header.format()) {
                case JPEG -> ScaledJpegDecoder.decode(image, dctScale);
                case PNG -> BoxReducedPngDecoder.decode(image, step);
                case GIF -> null;
            };
        } catch (RuntimeException unexpected) {
            // A file the fast decoders trip over (a malformed table, an index out of range): Java's
            // general decoder then decides whether it is an image at all, and rejects it cleanly if not.
            LOG.warn("Fast {} decoder failed ({}); trying the general decoder", header.format(), unexpected.toString());
            raw = null;
        }
        int reduction = header.format() == ImageHeader.Format.JPEG && raw != null ? dctScale : step;
        boolean profileApplied = false;
        if (raw == null) {
            raw = Decoder.decode(image, header, step);
            // ImageIO converts a JPEG's embedded profile itself, but ignores a PNG's iCCP chunk.
            profileApplied = header.format() == ImageHeader.Format.JPEG;
        }
        if (!profileApplied && header.iccProfile() != null) {
            raw = ColorProfiles.toSrgb(raw, header.iccProfile());
        }
        ContentBox box = ContentBox.ofReduced(header.width(), header.height(), reduction)
                .oriented(header.orientation(), raw.width(), raw.height());
        Pixels decoded = Orientation.apply(raw, header.orientation());
        List<Rendition> renditions = new ArrayList<>();
        for (int edge : longestEdges) {
            renditions.add(rendition(decoded, box, header, edge));
        }
        return renditions;
    }

    /**
     * The largest DCT scale-down (1, 2, 4 or 8) that still leaves the largest thumbnail's size.
     * Pillow's draft keeps twice that, because its reduced decode is a cheaper approximation;
     * here each decoded sample is the exact mean of the pixels it covers, so the final Lanczos
     * has little left to do and the result stays within a few tenths of a dB of Pillow's.
     */
    static int dctScale(ImageHeader header, int largestEdge) {
        int longest = Math.max(header.width(), header.height());
        int scale = 8;
        while (scale > 1 && longest / scale < largestEdge) {
            scale /= 2;
        }
        return scale;
    }

    /**
     * The reduction of the general decoders (the mean of each step x step box for PNG, every
     * step-th pixel for the rest), keeping at least twice the largest thumbnail for a clean resize.
     */
    static int step(ImageHeader header, int largestEdge) {
        int longest = Math.max(header.width(), header.height());
        return Math.max(1, longest / (2 * largestEdge));
    }

    private Rendition rendition(Pixels decoded, ContentBox box, ImageHeader header, int edge) {
        // Target size from the full-resolution dimensions, so subsampling never skews the aspect ratio.
        int fullW = header.displayWidth();
        int fullH = header.displayHeight();
        double scale = Math.min(1.0, (double) edge / Math.max(fullW, fullH));
        int width = Math.max(1, (int) Math.round(fullW * scale));
        int height = Math.max(1, (int) Math.round(fullH * scale));
        Pixels resized = Lanczos.resize(decoded, box, width, height);
        boolean transparent = resized.alpha() && hasTransparency(resized);
        byte[] bytes = transparent ? Encoder.png(resized) : Encoder.jpeg(resized, jpegQuality);
        return new Rendition(edge, width, height, transparent ? "image/png" : "image/jpeg", transparent ? "png" : "jpg", bytes);
    }

    private static boolean hasTransparency(Pixels pixels) {
        for (int p : pixels.argb()) {
            if (p >>> 24 != 0xFF) {
                return true;
            }
        }
        return false;
    }
}
