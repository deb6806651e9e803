package dev.baton.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temporary folders of tests that outlive a test method (a server's data directory, an embedded
 * PostgreSQL): removed when the test JVM exits, so that repeated builds on one machine do not
 * fill its disk (each such folder holds hundreds of megabytes).
 */
public final class TestFiles {

    private TestFiles() {
    }

    /** A new temporary folder, deleted with everything in it when the JVM exits. */
    public static Path temporaryFolder(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(folder)));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder and everything in it; what cannot be deleted is left. */
    public static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a file still held by a process that outlived the test: leave it
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // the folder changed while it was walked: leave what is left
        }
    }
}
