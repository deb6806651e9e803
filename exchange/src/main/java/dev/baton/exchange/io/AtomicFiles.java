package dev.baton.exchange.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files written all or nothing: into a temporary file next to the target, which replaces the
 * target only when complete, so a failure half way leaves the old file (or none) in place. A
 * process killed half way leaves its hidden {@code .NAME.p<pid>-<n>.partial}; the next write of
 * the same target removes it ({@link Leftovers}).
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** What fills the temporary file; it may throw, and then the target is left as it was. */
    @FunctionalInterface
    public interface Filler<T> {
        T fill(Path temp) throws IOException;
    }

    public static <T> T write(Path target, Filler<T> filler) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Leftovers.sweepPartials(absolute);
        // The pid in the name lets a later run tell a killed run's leftover from a file in use (Leftovers).
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + "." + Leftovers.ownerTag(),
                ".partial");
        try {
            T result = filler.fill(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return result;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
