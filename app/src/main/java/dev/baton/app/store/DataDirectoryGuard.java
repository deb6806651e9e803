package dev.baton.app.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Makes a data directory of the embedded PostgreSQL safe to start on, also after {@code kill -9}.
 *
 * <p>Each Baton that uses {@code DIR/pg} holds a lock on {@code DIR/pg.lock} while it runs (the
 * operating system frees it when the process dies, however it dies). Holding that lock, Baton knows
 * that a PostgreSQL still running on {@code DIR/pg} (named by {@code DIR/pg/postmaster.pid}, alive,
 * a {@code postgres} process whose data directory is ours) was left behind by a Baton that was
 * killed: it asks it for a fast shutdown (SIGINT), waits, and kills it (SIGKILL) when it does not
 * stop. A {@code postmaster.pid} naming a process that is not a PostgreSQL is a stale lock and is
 * removed. When none of this works, the message says which process to stop and how.
 */
final class DataDirectoryGuard implements AutoCloseable {

    static final long FAST_SHUTDOWN_SECONDS = 30;
    static final long KILL_SECONDS = 10;

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryGuard(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** What the guard did about a PostgreSQL left behind, for the console (empty: nothing was left). */
    record Recovery(String message) {
    }

    /**
     * Takes the lock of {@code directory} and stops a PostgreSQL left behind on it.
     *
     * @throws IllegalStateException with what to do, when another Baton uses the directory or an
     *                               orphan could not be stopped
     */
    static DataDirectoryGuard acquire(Path directory, java.util.function.Consumer<String> notes) throws IOException {
        Files.createDirectories(directory.toAbsolutePath().getParent());
        Path lockFile = lockFile(directory);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = readHolder(lockFile);
            channel.close();
            throw new IllegalStateException("another Baton" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                    + " uses " + directory + "; stop it first, or choose another --data directory");
        }
        DataDirectoryGuard guard = new DataDirectoryGuard(channel, lock);
        try {
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            stopOrphan(directory, notes);
            return guard;
        } catch (IOException | RuntimeException e) {
            guard.close();
            throw e;
        }
    }

    /**
     * The port of the PostgreSQL that a running Baton serves from {@code directory}, when one does
     * (its lock is held and {@code postmaster.pid} names a live process): a backup connects to it
     * instead of starting a second server on the same files.
     */
    static Optional<Integer> runningPort(Path directory) {
        Path lockFile = lockFile(directory);
        if (!Files.exists(lockFile)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                lock.release();
                return Optional.empty();
            }
        } catch (OverlappingFileLockException e) {
            // held in this process
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            List<String> pid = Files.readAllLines(directory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            if (pid.size() >= 4 && ProcessHandle.of(Long.parseLong(pid.get(0).trim())).map(ProcessHandle::isAlive)
                    .orElse(false)) {
                return Optional.of(Integer.parseInt(pid.get(3).trim()));
            }
        } catch (IOException | NumberFormatException e) {
            // not (yet) running
        }
        return Optional.empty();
    }

    static Path lockFile(Path directory) {
        return directory.resolveSibling(directory.getFileName() + ".lock");
    }

    private static String readHolder(Path lockFile) {
        try {
            return Files.readString(lockFile, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** Stops the PostgreSQL a killed Baton left running on {@code directory}, if there is one. */
    static void stopOrphan(Path directory, java.util.function.Consumer<String> notes) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            return;
        }
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return; // PostgreSQL judges a lock file it cannot read itself
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return; // a stale lock of a dead server: PostgreSQL recognises it on start
        }
        if (!isPostgresOf(process.get(), lines, directory)) {
            // The pid was reused by an unrelated process: PostgreSQL would take it for a running server.
            Files.deleteIfExists(pidFile);
            notes.accept("Removed a stale " + pidFile + " (pid " + pid + " is no PostgreSQL of " + directory + ")");
            return;
        }
        notes.accept("A PostgreSQL (pid " + pid + ") was left running on " + directory
                + " by a Baton that did not stop normally; stopping it ...");
        ProcessHandle postmaster = process.get();
        List<ProcessHandle> children = postmaster.descendants().toList();
        if (!signal("INT", pid)) {
            postmaster.destroy(); // SIGTERM: a smart shutdown
        }
        if (!stopped(postmaster, FAST_SHUTDOWN_SECONDS)) {
            postmaster.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            if (!stopped(postmaster, KILL_SECONDS)) {
                throw new IllegalStateException("a PostgreSQL (pid " + pid + ") left behind by a Baton that was killed "
                        + "still runs on " + directory + " and could not be stopped; stop it with 'kill -9 " + pid
                        + "' (as the user that owns it), then start Baton again");
            }
            notes.accept("Killed it (SIGKILL): it did not stop within " + FAST_SHUTDOWN_SECONDS + " s");
        }
        // Its backends leave with the postmaster; wait for them, so that the shared memory is free.
        for (ProcessHandle child : children) {
            if (!stopped(child, KILL_SECONDS)) {
                child.destroyForcibly();
            }
        }
        notes.accept("Stopped it; starting PostgreSQL again on " + directory);
    }

    /** A live {@code postgres} whose data directory (by its lock file and, when visible, its arguments) is ours. */
    private static boolean isPostgresOf(ProcessHandle process, List<String> pidFile, Path directory) {
        ProcessHandle.Info info = process.info();
        String command = info.command().orElse("");
        if (!command.isEmpty() && !Path.of(command).getFileName().toString().startsWith("postgres")) {
            return false;
        }
        if (pidFile.size() < 2 || !sameFile(Path.of(pidFile.get(1).trim()), directory)) {
            return false;
        }
        Optional<String[]> arguments = info.arguments();
        if (arguments.isPresent()) {
            String[] args = arguments.get();
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("-D")) {
                    return sameFile(Path.of(args[i + 1]), directory);
                }
            }
        }
        return !command.isEmpty() || commandLineMentions(process.pid(), directory);
    }

    /** Without {@code info().command()} (another user's process), /proc still shows the command line. */
    private static boolean commandLineMentions(long pid, Path directory) {
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
            return cmdline.contains("postgres") && cmdline.contains(directory.toAbsolutePath().toString());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static boolean signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean stopped(ProcessHandle process, long seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            // the process ends soon; the operating system frees the lock then
        }
    }
}
