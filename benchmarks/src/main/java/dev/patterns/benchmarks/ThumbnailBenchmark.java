package dev.patterns.benchmarks;

import dev.patterns.thumbnail.Rendition;
import dev.patterns.thumbnail.image.ImagePipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The suite's thumbnail pipeline on benchmark images: median ms per image in a warm JVM
 * (longest edge 256, JPEG quality 85), one JSON line per image, and the output written beside
 * the input for the quality comparison. {@code --once <file>} renders one image and exits, for
 * a one-shot peak-RSS measurement.
 */
public final class ThumbnailBenchmark {

    private ThumbnailBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ImagePipeline pipeline = new ImagePipeline(100_000_000L, 85);
        if (args[0].equals("--once")) {
            pipeline.render(Files.readAllBytes(Path.of(args[1])), List.of(256));
            return;
        }
        Path directory = Path.of(args[0]);
        int iterations = Integer.parseInt(args[1]);
        for (int i = 2; i < args.length; i++) {
            byte[] image = Files.readAllBytes(directory.resolve(args[i]));
            Rendition result = null;
            for (int warm = 0; warm < 5; warm++) {
                result = pipeline.render(image, List.of(256)).getFirst();
            }
            List<Double> times = new ArrayList<>();
            for (int run = 0; run < iterations; run++) {
                long start = System.nanoTime();
                result = pipeline.render(image, List.of(256)).getFirst();
                times.add((System.nanoTime() - start) / 1e6);
            }
            times.sort(null);
            Files.write(directory.resolve("out-java-" + args[i] + "." + result.extension()), result.bytes());
            System.out.printf("{\"tool\": \"java\", \"image\": \"%s\", \"medianMs\": %.2f}%n", args[i], times.get(times.size() / 2));
        }
    }
}
