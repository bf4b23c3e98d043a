package dev.patterns.local.runtime;

import dev.patterns.local.emulator.ProjectPaths;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The size of what `sam deploy` uploads: each built artifact directory, zipped. */
public record PackageSize(long functionBytes, long layerBytes) {

    public static PackageSize of(ProjectPaths paths, FunctionSpec function) throws IOException {
        long layers = 0;
        for (String layer : function.layerIds()) {
            layers += zippedSize(paths.buildDirectory().resolve(layer));
        }
        return new PackageSize(zippedSize(paths.buildDirectory().resolve(function.logicalId())), layers);
    }

    /** The zipped size of a built artifact directory (a function's or a layer's, by logical id under .aws-sam/build). */
    public static long zippedSize(Path directory) throws IOException {
        CountingStream counter = new CountingStream();
        try (ZipOutputStream zip = new ZipOutputStream(counter); Stream<Path> walk = Files.walk(directory)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path file : files) {
                zip.putNextEntry(new ZipEntry(directory.relativize(file).toString()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return counter.count;
    }

    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
