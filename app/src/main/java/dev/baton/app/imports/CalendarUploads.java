package dev.baton.app.imports;

import dev.baton.exchange.calendar.AttendeeMapping;
import dev.baton.exchange.calendar.CalendarImport;
import dev.baton.exchange.calendar.CalendarWindow;
import dev.baton.exchange.importing.BatchStamp;
import dev.baton.exchange.importing.ImportReport;
import dev.baton.exchange.mapping.ImportMapping;
import dev.baton.model.OperatingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calendar exports through the server's imports (kind {@code calendar}): the same reading as
 * {@code baton import calendar} (docs/meetings.md) — recurrences, time zones, cancellations, the
 * same meeting in several calendars merged into one instance, attendees matched by the mapping's
 * {@code people} section and the model — with the meetings the log holds already left out. What it
 * finds is told in the import's own terms: instances found in all calendars are the changes read,
 * meeting series are the items, attendees no rule matched are unmapped people, and cancelled
 * instances and personal blocks are skipped with their reason.
 */
final class CalendarUploads {

    static final String KIND = CalendarImport.SOURCE;

    private CalendarUploads() {
    }

    /**
     * Reads the uploaded calendars (instances that started before {@code now}: a meeting not yet
     * held was not held) and hands the meetings {@code known} does not hold to {@code stamp}.
     *
     * @throws ImportRefused with every file's problem, each at its file and line, when one cannot be read
     */
    static ImportReport read(ImportUpload upload, ImportMapping mapping, OperatingModel model, Instant now,
                             CalendarImport.Known known, BatchStamp stamp) {
        CalendarImport.Result read;
        try {
            read = CalendarImport.read(upload.files(), upload.fileNames(), CalendarWindow.until(now),
                    new AttendeeMapping(mapping, model));
        } catch (CalendarImport.Refused e) {
            throw ImportRefused.export(String.join("; ", e.problems()) + " (expected iCalendar files, RFC 5545); "
                    + "nothing was imported", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CalendarImport.Appended appended = known.append(read, stamp);
        Map<String, Long> skipped = new LinkedHashMap<>();
        skipped.put("cancelled instances", read.cancelled());
        skipped.put("personal blocks (fewer than two attendees)", read.solo());
        return ImportReport.counted(read.copies(), Map.of("MeetingHeld", appended.written()), appended.already(),
                appended.series(), appended.newSeries(), Map.of("people", read.unmatched()), skipped);
    }
}
