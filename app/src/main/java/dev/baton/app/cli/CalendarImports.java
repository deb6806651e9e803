package dev.baton.app.cli;

import dev.baton.exchange.calendar.AttendeeMapping;
import dev.baton.exchange.calendar.CalendarImport;
import dev.baton.exchange.calendar.CalendarWindow;
import dev.baton.exchange.importing.LogImport;
import dev.baton.exchange.mapping.ImportMapping;
import dev.baton.model.OperatingModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code baton import calendar FILE.ics… --out LOG.jsonl}: calendar exports into the log as
 * {@code MeetingHeld} events (docs/meetings.md), with what was found, merged, cancelled and not
 * matched to a person said in a few lines.
 */
final class CalendarImports {

    static final String KIND = "calendar";

    private final PrintWriter out;
    private final PrintWriter err;

    CalendarImports(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    int run(List<Path> files, ImportMapping mapping, OperatingModel model, Path modelFile, Path log, boolean dryRun,
            CalendarWindow window) {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                err.println("baton: " + f + ": expected a calendar file (.ics), found "
                        + (Files.exists(f) ? "a directory" : "no such file"));
                return Baton.INVALID;
            }
        }
        try {
            CalendarImport.Result read = CalendarImport.read(files, window, new AttendeeMapping(mapping, model));
            LogImport.Batch batch = LogImport.Batch.now(KIND, files.get(0),
                    model == null ? null : model.name() + " (" + modelFile.getFileName() + ")");
            CalendarImport.Result done = CalendarImport.into(log, read, batch, dryRun);
            print(done, files.size(), log, dryRun);
            if (!dryRun && done.written() > 0) {
                out.println("  batch: " + batch.id() + " (undo with: baton imports retract " + batch.id() + " --log " + log + ")");
            }
            return Baton.OK;
        } catch (CalendarImport.Refused e) {
            e.problems().forEach(p -> err.println("baton: " + p));
            err.println("baton: nothing was imported" + (log != null && Files.exists(log) ? " (" + log + " is unchanged)" : ""));
            return Baton.INVALID;
        } catch (dev.baton.engine.jsonl.EventLogFormatException e) {
            err.println("baton: " + log + ": " + e.getMessage() + " (expected a Baton JSONL event log to append to)");
            return Baton.INVALID;
        } catch (IOException e) {
            err.println("baton: " + e.getMessage());
            return Baton.INVALID;
        }
    }

    private void print(CalendarImport.Result r, int files, Path log, boolean dryRun) {
        out.println((dryRun ? "Would import " : "Imported ") + r.written() + " meeting instance" + (r.written() == 1 ? "" : "s")
                + " from " + files + " calendar" + (files == 1 ? "" : "s") + (dryRun ? "" : " into " + log) + ": "
                + r.copies() + " found in all calendars, " + r.events().size() + " after merging the same meeting, "
                + r.alreadyInLog() + " already in the log.");
        out.println("  not imported: " + r.cancelled() + " cancelled, " + r.solo()
                + " with fewer than two attendees (personal blocks); all-day kept but never counted as hours: " + r.allDay());
        if (!r.unmatched().isEmpty()) {
            out.println("  attendees not in the mapping or model (kept by address, not counted in anyone's load): "
                    + String.join(", ", r.unmatched().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> "'" + e.getKey() + "' ×" + e.getValue()).toList()));
        }
    }
}
