package dev.baton.app.cli;

import dev.baton.exchange.importing.ImportReport;
import dev.baton.exchange.importing.LogImport;
import dev.baton.exchange.importing.Progress;
import dev.baton.exchange.importing.SourceKinds;
import dev.baton.exchange.mapping.ImportMapping;
import dev.baton.exchange.mapping.MappingSuggestion;
import dev.baton.exchange.source.SourceFormatException;
import dev.baton.exchange.source.SourceReader;
import dev.baton.model.OperatingModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import java.util.ArrayList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import dev.baton.exchange.calendar.CalendarWindow;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code baton import KIND FILE --out LOG.jsonl}: a tool's export into Baton's event log. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a tool's export (Jira, Trello, GitLab, …) into a JSONL event log, mapped onto "
                + "your operating model. Importing the same or an overlapping export again adds each event once.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:imported (or dry run / suggestion printed)", "1:the export, mapping or model is invalid",
                "2:usage error"})
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "KIND", description = "One of: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Kinds.class)
    String kind;

    @Parameters(index = "1", paramLabel = "FILE", description = "The export file (.gz is read too).")
    Path file;

    @Parameters(index = "2..*", paramLabel = "MORE", description = "KIND calendar only: more .ics files (one per "
            + "person or shared calendar); the same meeting in several of them is imported once.")
    List<Path> moreFiles = new ArrayList<>();

    @Option(names = "--from", paramLabel = "DATE", description = "KIND calendar: first day of instances to import "
            + "(ISO date; default: all).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "KIND calendar: import instances before this day "
            + "(ISO date; default: now, as a meeting not yet held was not held).")
    LocalDate to;

    @Option(names = "--zone", paramLabel = "ZONE", description = "KIND calendar: the zone of floating times and "
            + "all-day dates, which carry none (default UTC).")
    ZoneId zone = ZoneId.of("UTC");

    @Option(names = "--mapping", paramLabel = "MAP.yaml", description = "How tool values map onto the model "
            + "(docs/mapping-reference.md). Without one, statuses become activities as they are.")
    Path mappingFile;

    @Option(names = "--model", paramLabel = "MODEL.yaml", description = "The operating model: checks the "
            + "mapping's ids and marks moves back in a work type's stage order as rework.")
    Path modelFile;

    @Option(names = "--out", paramLabel = "LOG.jsonl", description = "The event log to create or append to.")
    Path out;

    @Option(names = "--dry-run", description = "Read and count everything; write nothing.")
    boolean dryRun;

    @Option(names = "--suggest-mapping", description = "Print a starter mapping made from the file's own values.")
    boolean suggestMapping;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class Kinds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            List<String> kinds = new ArrayList<>(SourceKinds.names());
            kinds.add(CalendarImports.KIND);
            return kinds.iterator();
        }
    }

    private List<Path> files() {
        List<Path> all = new ArrayList<>();
        all.add(file);
        all.addAll(moreFiles);
        return all;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!suggestMapping && out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected --out LOG.jsonl (or --dry-run "
                    + "with --out, or --suggest-mapping), found none");
        }
        if (!Files.isRegularFile(file)) {
            err.println("baton: " + file + ": expected an export file, found " + (Files.exists(file) ? "a directory" : "no such file"));
            return Baton.INVALID;
        }
        MappingAndModel options = MappingAndModel.read(mappingFile, modelFile, err);
        if (options == null) {
            return Baton.INVALID;
        }
        ImportMapping mapping = options.mapping();
        OperatingModel model = options.model();
        if (CalendarImports.KIND.equals(kind)) {
            return new CalendarImports(stdout, err).run(files(), mapping, model, modelFile, out, dryRun,
                    new CalendarWindow(from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant(),
                            to == null ? Instant.now() : to.atStartOfDay(zone).toInstant(), zone));
        }
        if (!moreFiles.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected one FILE for KIND " + kind
                    + " (several files only for calendar), found " + (1 + moreFiles.size()));
        }
        var found = SourceKinds.reader(kind, mapping);
        if (found.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected a KIND (" + String.join(", ",
                    SourceKinds.names()) + "), found '" + kind + "'");
        }
        SourceReader reader = found.get();
        try {
            if (suggestMapping) {
                MappingSuggestion suggestion = new MappingSuggestion();
                LogImport.readSource(reader, file, suggestion, Progress.NONE);
                stdout.print(suggestion.yaml(file.toString(), kind));
                return Baton.OK;
            }
            ImportReport report;
            Progress progress = TerminalProgress.on(err, "importing " + file.getFileName());
            LogImport.Batch batch = LogImport.Batch.now(kind, file,
                    model == null ? null : model.name() + " (" + modelFile.getFileName() + ")");
            report = LogImport.run(reader, file, mapping, model, out, dryRun, progress, batch);
            print(report, stdout);
            if (!dryRun && report.eventsWritten() > 0) {
                stdout.println("  batch: " + batch.id() + " (undo with: baton imports retract " + batch.id()
                        + " --log " + out + ")");
            }
            return Baton.OK;
        } catch (SourceFormatException e) {
            // One line: what is wrong and where, and that nothing was written.
            err.println("baton: " + file + ": " + e.describe() + "; nothing was imported"
                    + (out != null && Files.exists(out) ? " (" + out + " is unchanged)" : ""));
            return Baton.INVALID;
        } catch (dev.baton.engine.jsonl.EventLogFormatException e) {
            err.println("baton: " + out + ": " + e.getMessage() + " (expected a Baton JSONL event log to append to)");
            return Baton.INVALID;
        } catch (NoSuchFileException e) {
            err.println("baton: " + e.getFile() + ": no such file or directory");
            return Baton.INVALID;
        } catch (IOException e) {
            err.println("baton: " + file + ": " + e.getMessage());
            return Baton.INVALID;
        }
    }

    private void print(ImportReport r, PrintWriter o) {
        String verb = dryRun ? "Would import " : "Imported ";
        o.println(verb + count(r.eventsWritten(), "event") + " for " + count(r.items(), "item") + " (" + r.newItems()
                + " new) from " + file + (dryRun ? "" : " into " + out) + ": " + count(r.changesRead(), "change")
                + " read, " + r.duplicates() + " already in the log.");
        if (!r.eventsByType().isEmpty()) {
            o.println("  events: " + join(r.eventsByType()));
        }
        for (var category : r.unmapped().keySet()) {
            o.println("  not in the mapping (" + category + ", kept as the tool writes them): "
                    + String.join(", ", r.unmappedByCount(category).stream()
                    .map(e -> "'" + e.getKey() + "' ×" + e.getValue()).toList()));
        }
        if (!r.skipped().isEmpty()) {
            o.println("  no event for: " + join(r.skipped()));
        }
        for (ImportReport.Oddity w : r.oddities()) {
            o.println("  warning: " + w.message());
        }
        for (ImportReport.Note n : r.notes()) {
            o.println("  note: " + n.message() + (n.count() > 1 ? " (" + n.count() + " times)" : ""));
        }
    }

    private static String join(Map<String, Long> counts) {
        return String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

}
