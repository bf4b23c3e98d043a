package dev.patterns.local.emulator;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's files are, found from the working directory (tests run in a module directory). */
public record ProjectPaths(Path root) {

    public static ProjectPaths discover() {
        String configured = System.getProperty("patterns.root", System.getenv("PATTERNS_ROOT"));
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("build.mk"))) {
                return new ProjectPaths(dir);
            }
        }
        throw new IllegalStateException("Cannot find the project root (a directory with template.yaml and build.mk) above " + start);
    }

    public Path template() {
        return root.resolve("template.yaml");
    }

    public Path venvBin(String tool) {
        return root.resolve(".venv").resolve("bin").resolve(tool);
    }

    /** Where `sam build` puts each function's and layer's artifact. */
    public Path buildDirectory() {
        return root.resolve(".aws-sam").resolve("build");
    }

    public Path events() {
        return root.resolve("events");
    }

    public Path runtimeShim() {
        return root.resolve("local").resolve("target");
    }
}
