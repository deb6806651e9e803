package dev.baton.exchange.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Temporary files of a run that was killed: the hidden {@code .NAME.p<pid>-<n>.partial} beside a
 * target that {@link AtomicFiles} was writing, and the {@code baton-sort-p<pid>-<n>} directories of
 * {@link SpillSort} in the system temp directory. A process killed with {@code kill -9} cannot
 * delete them, so the next run does.
 *
 * <p>Every process that makes such files first takes a lock on {@code <tmp>/baton-run-<pid>.lock}
 * and holds it until it ends (the operating system frees it however the process ends). A leftover
 * is stale when no live process holds the lock of the pid in its name and that process is gone (or,
 * when a process of that pid lives without the lock, the leftover is older than this process); only stale ones are deleted, so two imports running side by side never delete each
 * other's files. What was removed is remembered ({@link #takeRemoved}) so the command line can say
 * where it was.
 */
public final class Leftovers {

    private static final Pattern OWNER = Pattern.compile("p(\\d+)-");
    private static final Instant STARTED = ProcessHandle.current().info().startInstant().orElse(Instant.now());
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();
    private static final List<Path> REMOVED = new ArrayList<>();
    private static FileChannel runChannel;
    private static FileLock runLock;

    private Leftovers() {
    }

    /** The tag that names this process in its temporary files ({@code p<pid>-}), after taking its run lock. */
    static synchronized String ownerTag() {
        if (runLock == null) {
            try {
                Path file = runLockFile(ProcessHandle.current().pid());
                runChannel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                runLock = runChannel.tryLock();
                file.toFile().deleteOnExit();
            } catch (IOException | OverlappingFileLockException e) {
                // Without a lock others treat our files as stale only once we are gone (pid not alive) or older.
                runLock = null;
            }
        }
        return "p" + ProcessHandle.current().pid() + "-";
    }

    static Path tempDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static Path runLockFile(long pid) {
        return tempDirectory().resolve("baton-run-" + pid + ".lock");
    }

    /** Removes stale sort directories of killed runs from the system temp directory (once per process). */
    public static void sweepSorts() {
        sweep(tempDirectory(), "baton-sort-p*");
    }

    /** Removes stale {@code .partial} files that killed runs left beside {@code target} (once per directory and name). */
    public static void sweepPartials(Path target) {
        Path absolute = target.toAbsolutePath();
        sweep(absolute.getParent(), "." + absolute.getFileName() + ".p*.partial");
    }

    private static void sweep(Path directory, String glob) {
        if (directory == null || !SWEPT.add(directory.resolve(glob))) {
            return;
        }
        try (DirectoryStream<Path> found = Files.newDirectoryStream(directory, glob)) {
            for (Path leftover : found) {
                if (stale(leftover)) {
                    delete(leftover);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not being able to look is no reason to fail the run; the next one tries again.
        }
    }

    private static boolean stale(Path leftover) throws IOException {
        Matcher m = OWNER.matcher(leftover.getFileName().toString());
        if (!m.find()) {
            return false;
        }
        long pid = Long.parseLong(m.group(1));
        if (pid == ProcessHandle.current().pid()) {
            return false;
        }
        if (lockHeld(pid)) {
            return false;
        }
        // Its lock is free: the process is gone, or (when it could not lock) it must be older than we are.
        FileTime modified = Files.getLastModifiedTime(leftover);
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true) || modified.toInstant().isBefore(STARTED);
    }

    /** Whether a live process holds the run lock of {@code pid}. */
    private static boolean lockHeld(long pid) {
        Path file = runLockFile(pid);
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            Files.deleteIfExists(file); // the lock of a process that is gone
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return true; // when in doubt, leave it
        }
    }

    private static void delete(Path leftover) throws IOException {
        if (Files.isDirectory(leftover)) {
            try (Stream<Path> all = Files.walk(leftover)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } else {
            Files.deleteIfExists(leftover);
        }
        synchronized (REMOVED) {
            REMOVED.add(leftover);
        }
    }

    /** What was removed since the last call: the leftovers of killed runs, with where they were. */
    public static List<Path> takeRemoved() {
        synchronized (REMOVED) {
            List<Path> removed = List.copyOf(REMOVED);
            REMOVED.clear();
            return removed;
        }
    }
}
