package dev.baton.app.cli;

import dev.baton.app.ops.Backup;
import dev.baton.app.store.EmbeddedDatabase;
import dev.baton.exchange.io.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code baton backup --data DIR|--db URL --out FILE}: the event log, model versions, users and
 * hashed tokens in one consistent snapshot, also while the server runs (docs/api.md, "Backups").
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back up a Baton database (events, model versions, users and hashed API tokens) to a gzip'd "
                + "JSON-lines file, as one consistent snapshot; the server may keep running. Restore with 'baton restore'.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:backed up", "1:the database could not be read or the file not written", "2:usage error"})
final class BackupCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "The data directory of 'baton serve' (its embedded "
            + "PostgreSQL; when the server runs, the backup reads from it).")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "An external PostgreSQL: jdbc:postgresql://HOST[:PORT]/DATABASE.")
    String db;

    @Mixin
    DatabaseLogin login = new DatabaseLogin();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The backup file to write (.jsonl.gz).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((data == null) == (db == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected either --data DIR or --db JDBC-URL, found "
                    + (data == null ? "neither" : "both"));
        }
        EmbeddedDatabase started = null;
        try {
            String url;
            String where;
            if (db != null) {
                if (!DatabaseLogin.isJdbcUrl(db, err)) {
                    return Baton.INVALID;
                }
                url = db;
                where = db;
            } else {
                Path pg = data.toAbsolutePath().normalize().resolve("pg");
                if (!Files.exists(pg.resolve("PG_VERSION"))) {
                    err.println("baton: " + data + ": expected the data directory of 'baton serve' (with pg/PG_VERSION), "
                            + "found none");
                    return Baton.INVALID;
                }
                var running = EmbeddedDatabase.runningUrl(pg);
                if (running.isPresent()) {
                    url = running.get();
                    where = data + " (from the running server)";
                } else {
                    started = EmbeddedDatabase.start(pg, err::println);
                    url = started.jdbcUrl();
                    where = data.toString();
                }
            }
            // the embedded PostgreSQL takes no login; an external one the user's
            PGSimpleDataSource source = db != null ? login.dataSource(url) : new PGSimpleDataSource();
            source.setUrl(url);
            Map<String, Long> counts = AtomicFiles.write(out, temp -> {
                try (OutputStream file = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
                    return Backup.write(source, file, new Version().getVersion()[0].replace("baton ", ""));
                }
            });
            stdout.println("Backed up " + where + " to " + out + ": " + counts.get("event") + " events, "
                    + counts.get("modelVersion") + " model versions, " + counts.get("user") + " users, "
                    + counts.get("token") + " API tokens (hashed), " + counts.get("command") + " idempotency keys ("
                    + Files.size(out) / 1024 + " KB)");
            return Baton.OK;
        } catch (IllegalStateException e) {
            err.println("baton: " + e.getMessage() + (db != null ? " (at " + db + ")" : ""));
            return Baton.INVALID;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("baton: " + out + ": could not write the backup: " + e.getMessage());
            return Baton.INVALID;
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }
}
