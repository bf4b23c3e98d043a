package dev.patterns.thumbnail.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patterns.thumbnail.ImageRejectedException;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Uploads are untrusted: valid images with bytes overwritten (markers, lengths, table entries)
 * and cut short, a few hundred per format from a fixed seed, must each render or be rejected
 * with {@link ImageRejectedException}, which the function logs per object. Anything else thrown
 * would fail the whole event; a decoder stuck in a loop would hit the timeout.
 */
class MalformedImageTest {

    private static final int MUTANTS = 300;

    private final ImagePipeline pipeline = new ImagePipeline(100_000_000L, 85);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"baseline jpeg", "progressive jpeg", "png with alpha", "palette png", "interlaced png", "gif"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void damagedFilesRenderOrAreRejectedButNeverThrowAnythingElse(String kind) {
        byte[] valid = image(kind);
        Random random = new Random(kind.hashCode());
        List<String> escaped = new ArrayList<>();
        int rejected = 0;
        for (int i = 0; i < MUTANTS; i++) {
            byte[] damaged = valid.clone();
            for (int j = 1 + random.nextInt(8); j > 0; j--) {
                damaged[random.nextInt(damaged.length)] = (byte) (random.nextInt(4) == 0 ? 0xFF : random.nextInt(256));
            }
            if (random.nextInt(5) == 0) {
                damaged = Arrays.copyOf(damaged, random.nextInt(damaged.length));
            }
            try {
                pipeline.render(damaged, List.of(64));
            } catch (ImageRejectedException expected) {
                rejected++;
            } catch (RuntimeException e) {
                escaped.add("mutant " + i + ": " + e);
            }
        }
        assertThat(escaped).isEmpty();
        assertThat(rejected).as("mutants rejected (the damage is real)").isPositive();
    }

    private static byte[] image(String kind) {
        BufferedImage photo = TestImages.photoLike(97, 61, 21);
        return switch (kind) {
            case "baseline jpeg" -> TestImages.jpegWithRestarts(photo, 85, 4);
            case "progressive jpeg" -> TestImages.progressive("jpeg", photo);
            case "png with alpha" -> TestImages.png(translucent(photo));
            case "palette png" -> TestImages.png(indexed(photo));
            case "interlaced png" -> TestImages.progressive("png", photo);
            default -> gif(indexed(photo));
        };
    }

    private static BufferedImage translucent(BufferedImage photo) {
        BufferedImage out = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < photo.getHeight(); y++) {
            for (int x = 0; x < photo.getWidth(); x++) {
                out.setRGB(x, y, (x * 4 & 0xFF) << 24 | photo.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return out;
    }

    private static BufferedImage indexed(BufferedImage photo) {
        BufferedImage out = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_BYTE_INDEXED);
        out.getGraphics().drawImage(photo, 0, 0, null);
        return out;
    }

    private static byte[] gif(BufferedImage image) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "gif", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
