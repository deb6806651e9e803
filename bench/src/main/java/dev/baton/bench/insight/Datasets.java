package dev.baton.bench.insight;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared event-log datasets next to the project root ({@code ../shared/datasets/eventlogs}), when present. */
final class Datasets {

    private Datasets() {
    }

    static Path root() {
        String property = System.getProperty("baton.root");
        Path dir = property != null ? Path.of(property).toAbsolutePath() : Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("insight")))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }

    /** A dataset file, or null when the shared datasets are absent. */
    static Path eventLog(String name) {
        Path file = root().resolve("../shared/datasets/eventlogs").resolve(name).normalize();
        return Files.isRegularFile(file) ? file : null;
    }
}
