package dev.baton.app.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL started from the jar (docs/adr/0003-embedded-postgresql.md): the binaries
 * come with Baton, the files stay in a directory of the user's choosing and survive restarts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "postgres";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path directory;
    private final DataDirectoryGuard guard;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory, DataDirectoryGuard guard) {
        this.postgres = postgres;
        this.directory = directory;
        this.guard = guard;
    }

    /** Starts PostgreSQL on a free local port with its files in {@code directory} (created when missing). */
    public static EmbeddedDatabase start(Path directory) {
        return start(directory, note -> { });
    }

    /**
     * Starts PostgreSQL on a free local port with its files in {@code directory} (created when
     * missing). A PostgreSQL that a killed Baton left running on the directory is stopped first
     * ({@link DataDirectoryGuard}); {@code notes} hears what was done about it.
     *
     * @throws IllegalStateException saying what to do, when the directory is in use or PostgreSQL does not start
     */
    public static EmbeddedDatabase start(Path directory, java.util.function.Consumer<String> notes) {
        // Enough connections for the server's pool and a benchmark's clients.
        return start(directory, notes, 100);
    }

    /**
     * Starts PostgreSQL as {@link #start(Path, java.util.function.Consumer)} does, accepting up to
     * {@code maxConnections} clients: a test JVM keeps several servers alive at once, each with its
     * pool, its listener for the other servers' appends and its timed jobs (docs/cluster.md).
     */
    public static EmbeddedDatabase start(Path directory, java.util.function.Consumer<String> notes, int maxConnections) {
        directory = directory.toAbsolutePath().normalize();
        DataDirectoryGuard guard;
        try {
            guard = DataDirectoryGuard.acquire(directory, notes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + DataDirectoryGuard.lockFile(directory) + ": "
                    + e.getMessage(), e);
        }
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", Integer.toString(maxConnections))
                    // PostgreSQL's own messages go to DIR.log beside its files, not to the terminal.
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log(directory)))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log(directory)))
                    .start();
            return new EmbeddedDatabase(postgres, directory, guard);
        } catch (IOException | RuntimeException e) {
            guard.close();
            throw new IllegalStateException("could not start the embedded PostgreSQL in " + directory + ": "
                    + firstLine(e.getMessage()) + " (its own messages are in " + log(directory) + ")", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    private static java.io.File log(Path directory) {
        return directory.resolveSibling(directory.getFileName() + ".log").toFile();
    }

    /**
     * The JDBC URL of the embedded PostgreSQL that a running {@code baton serve} keeps in {@code directory}
     * (empty when none runs there).
     */
    public static java.util.Optional<String> runningUrl(Path directory) {
        return DataDirectoryGuard.runningPort(directory.toAbsolutePath().normalize())
                .map(port -> "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?user=" + USER);
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public javax.sql.DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            guard.close();
        }
    }
}
