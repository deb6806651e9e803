package dev.baton.app.cli;

import dev.baton.app.ops.BackupFormat;
import dev.baton.app.ops.Restore;
import dev.baton.app.store.EmbeddedDatabase;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code baton restore FILE --data NEWDIR|--db URL}: a backup into a new data directory (or an empty
 * database); every projection is rebuilt by replaying the events (docs/api.md, "Backups").
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a backup of 'baton backup' into a new data directory (or an empty database), rebuilding "
                + "items, approvals, handoffs, intake requests and import batches from the events. Then: baton serve --data NEWDIR.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:restored", "1:the file is no complete backup, or the target is not new and empty",
                "2:usage error"})
final class RestoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup (.jsonl.gz; uncompressed is read too).")
    Path file;

    @Option(names = "--data", paramLabel = "NEWDIR", description = "A data directory that does not exist yet or is empty.")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "An empty external PostgreSQL database instead.")
    String db;

    @Mixin
    DatabaseLogin login = new DatabaseLogin();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((data == null) == (db == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected either --data NEWDIR or --db JDBC-URL, "
                    + "found " + (data == null ? "neither" : "both"));
        }
        if (!Files.isRegularFile(file)) {
            err.println("baton: " + file + ": expected a backup file, found " + (Files.exists(file) ? "a directory" : "no such file"));
            return Baton.INVALID;
        }
        boolean created = false;
        EmbeddedDatabase embedded = null;
        try {
            PGSimpleDataSource target;
            if (data != null) {
                if (Files.exists(data) && (!Files.isDirectory(data) || !empty(data))) {
                    err.println("baton: " + data + ": expected a new or empty directory, found "
                            + (Files.isDirectory(data) ? "one with files in it" : "a file")
                            + "; a restore never overwrites data, choose another --data");
                    return Baton.INVALID;
                }
                created = !Files.exists(data);
                Files.createDirectories(data);
                embedded = EmbeddedDatabase.start(data.toAbsolutePath().normalize().resolve("pg"), err::println);
                target = new PGSimpleDataSource();
                target.setUrl(embedded.jdbcUrl());
            } else {
                if (!DatabaseLogin.isJdbcUrl(db, err)) {
                    return Baton.INVALID;
                }
                target = login.dataSource(db);
            }
            Flyway.configure().dataSource(target).load().migrate();
            Map<String, Long> counts;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8), 1 << 16)) {
                counts = Restore.into(target, in, file.toString());
            }
            stdout.println("Restored " + file + " into " + (data != null ? data : db) + ": " + counts.get("event")
                    + " events (items, approvals, handoffs, intake requests and import batches rebuilt from them), "
                    + counts.get("modelVersion") + " model versions, " + counts.get("user") + " users, "
                    + counts.get("token") + " API tokens");
            if (data != null) {
                stdout.println("Start it with: baton serve --data " + data);
            }
            return Baton.OK;
        } catch (BackupFormat.Unreadable e) {
            err.println("baton: " + e.getMessage());
            return fail(err, created);
        } catch (IllegalStateException | org.flywaydb.core.api.FlywayException e) {
            err.println("baton: " + firstLine(e.getMessage()));
            return fail(err, created);
        } catch (NoSuchFileException e) {
            err.println("baton: " + e.getFile() + ": no such file or directory");
            return fail(err, created);
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("baton: " + file + ": " + e.getMessage() + " (expected a gzip'd backup of 'baton backup')");
            return fail(err, created);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
            if (created && data != null && failed) {
                deleteQuietly(data);
            }
        }
    }

    private boolean failed;

    private int fail(PrintWriter err, boolean created) {
        failed = true;
        err.println("baton: nothing was restored" + (created ? "; " + data + " is removed again" : ""));
        return Baton.INVALID;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    private static boolean empty(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }

    /** The file, gunzipped when it starts with gzip's magic bytes. */
    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // left for the user; the message said nothing was restored
        }
    }
}
