package dev.patterns.benchmarks;

import dev.patterns.local.emulator.ProjectPaths;
import dev.patterns.local.runtime.FunctionSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The size of what `sam deploy` uploads: each built artifact directory, zipped. */
record PackageSize(long functionBytes, long layerBytes) {

    static PackageSize of(ProjectPaths paths, FunctionSpec function) throws IOException {
        long layers = 0;
        for (String layer : function.layerIds()) {
            layers += zippedSize(paths.buildDirectory().resolve(layer));
        }
        return new PackageSize(zippedSize(paths.buildDirectory().resolve(function.logicalId())), layers);
    }

    static long zippedSize(Path directory) throws IOException {
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
