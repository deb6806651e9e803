package dev.baton.app.cli;

import dev.baton.app.imports.BatchJson;
import dev.baton.app.json.Json;
import dev.baton.engine.batch.BatchEvent.ImportRetracted;
import dev.baton.engine.batch.BatchEvent;
import dev.baton.engine.batch.BatchIds;
import dev.baton.engine.batch.ImportBatch;
import dev.baton.engine.batch.ImportBatches;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.io.InputRefusedException;
import dev.baton.engine.jsonl.EventLogFormatException;
import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.engine.jsonl.JsonlBatches;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code baton imports list|retract}: the import batches of a JSONL log, and taking one back.
 * A retraction is a line appended to the log; readers of the log leave the batch's events out
 * from then on (docs/mapping-reference.md, "Batches").
 */
@Command(name = "imports", mixinStandardHelpOptions = true,
        description = "List the import batches of a JSONL event log, or retract one.",
        subcommands = {ImportsCommand.ListBatches.class, ImportsCommand.Retract.class})
final class ImportsCommand implements Runnable {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "expected list or retract, found nothing");
    }

    /** The log's batches, or null after saying why there are none to read. */
    static ImportBatches read(Path log, PrintWriter err) throws IOException {
        if (!Files.isRegularFile(log)) {
            err.println("baton: " + log + ": expected a JSONL event log, found " + (Files.exists(log) ? "a directory" : "no such file"));
            return null;
        }
        try {
            return JsonlBatches.batches(log);
        } catch (EventLogFormatException e) {
            err.println("baton: " + log + ": " + e.getMessage() + " (expected a Baton JSONL event log)");
            return null;
        } catch (InputRefusedException e) {
            err.println("baton: " + log + ": " + e.getMessage());
            return null;
        }
    }

    static String minutes(Instant at) {
        return at == null ? "-" : MINUTES.format(at);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The import batches of a log, oldest first.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:listed", "1:no such log, or not a Baton JSONL log",
            "2:usage error"})
    static final class ListBatches implements Callable<Integer> {

        enum Format { text, json }

        @Option(names = "--log", required = true, paramLabel = "LOG.jsonl", description = "The event log.")
        Path log;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            ImportBatches batches = read(log, spec.commandLine().getErr());
            if (batches == null) {
                return Baton.INVALID;
            }
            List<ImportBatch> list = batches.list();
            if (format == Format.json) {
                out.println(Json.write(BatchJson.list(list)));
                return Baton.OK;
            }
            if (list.isEmpty()) {
                out.println("No import batches in " + log + " (imports from before batches were recorded are not listed).");
                return Baton.OK;
            }
            out.printf(Locale.ROOT, "%-14s %-16s %-12s %-13s %-24s %7s %6s  %-16s %s%n", "BATCH", "IMPORTED (UTC)", "BY",
                    "KIND", "FILE", "EVENTS", "ITEMS", "AS OF", "STATUS");
            for (ImportBatch b : list) {
                out.printf(Locale.ROOT, "%-14s %-16s %-12s %-13s %-24s %7d %6d  %-16s %s%n", b.id(), minutes(b.importedAt()),
                        b.importedBy(), b.kind(), b.file(), b.events(), b.items(), minutes(b.lastAt()),
                        b.retracted() ? "retracted " + minutes(b.retractedAt()) + " by " + b.retractedBy() : "standing");
            }
            return Baton.OK;
        }
    }

    @Command(name = "retract", mixinStandardHelpOptions = true,
            description = "Take an import batch back: appends an ImportRetracted line; from then on baton analyze and "
                    + "baton import leave the batch's events out. Importing the export again adds them anew.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:retracted",
            "1:no such log or batch, or the batch was retracted already (nothing changed)", "2:usage error"})
    static final class Retract implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "BATCH", description = "The batch id (baton imports list shows them).")
        String batch;

        @Option(names = "--log", required = true, paramLabel = "LOG.jsonl", description = "The event log.")
        Path log;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (log.getFileName().toString().endsWith(".gz")) {
                err.println("baton: " + log + ": a gzipped log cannot be appended to; gunzip it, retract, and gzip it "
                        + "again. Nothing was changed.");
                return Baton.INVALID;
            }
            ImportBatches batches = read(log, err);
            if (batches == null) {
                return Baton.INVALID;
            }
            ImportBatch found = BatchIds.plausible(batch) ? batches.get(batch).orElse(null) : null;
            if (found == null) {
                List<String> ids = batches.list().stream().filter(b -> !b.retracted()).map(ImportBatch::id).toList();
                err.println("baton: " + log + " has no import batch '" + batch + "'; "
                        + (ids.isEmpty() ? "it has no batch to retract" : "its batches: " + String.join(", ", ids))
                        + " (see baton imports list --log " + log + "). Nothing was changed.");
                return Baton.INVALID;
            }
            if (found.retracted()) {
                err.println("baton: batch " + batch + " was retracted already (" + minutes(found.retractedAt()) + " UTC by "
                        + found.retractedBy() + "); nothing was changed. Import " + found.file() + " again to add its "
                        + "events back.");
                return Baton.INVALID;
            }
            long[] last = {0};
            try {
                EventLogJsonl.read(log, e -> last[0] = Math.max(last[0], e.position()));
            } catch (EventLogFormatException e) {
                err.println("baton: " + log + ": " + e.getMessage() + " (expected a Baton JSONL event log); nothing was changed");
                return Baton.INVALID;
            }
            RecordedEvent retraction = new RecordedEvent(last[0] + 1, BatchEvent.stream(batch), 2, Instant.now(),
                    System.getProperty("user.name", "unknown"), null, 0, null, new ImportRetracted(batch, found.events()));
            try (EventLogJsonl.Writer writer = EventLogJsonl.Writer.append(log)) {
                writer.write(retraction);
            }
            out.println("Retracted batch " + batch + ": " + found.events() + " events of " + found.items() + " items from "
                    + found.file() + " (" + found.kind() + "), imported " + minutes(found.importedAt()) + " UTC by "
                    + found.importedBy() + ". baton analyze and baton import leave them out from now on; import "
                    + found.file() + " again to add them back.");
            return Baton.OK;
        }
    }
}
