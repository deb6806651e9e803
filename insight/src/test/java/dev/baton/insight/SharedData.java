package dev.baton.insight;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared event-log datasets ({@code ../shared/datasets/eventlogs} next to the project root),
 * which tests use when present and skip without.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The project root: system property {@code baton.root}, or the first folder up with a pom and an insight module. */
    public static Path root() {
        String property = System.getProperty("baton.root");
        if (property != null) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("insight")))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }

    /** A file of the event-log datasets; the test is skipped when it is absent. */
    public static Path eventLog(String name) {
        Path file = root().resolve("../shared/datasets/eventlogs").resolve(name).normalize();
        assumeTrue(Files.isRegularFile(file), "shared dataset absent: " + file);
        return file;
    }
}
