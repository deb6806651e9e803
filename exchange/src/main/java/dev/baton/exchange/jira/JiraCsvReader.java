package dev.baton.exchange.jira;

import dev.baton.engine.io.CsvProblem;
import dev.baton.engine.io.Utf8;
import dev.baton.exchange.source.ChangeKind;
import dev.baton.exchange.source.SourceChange;
import dev.baton.exchange.source.SourceFormatException;
import dev.baton.exchange.source.SourceItem;
import dev.baton.exchange.source.SourceReader;
import dev.baton.exchange.source.SourceSink;
import dev.baton.exchange.source.Times;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Jira's issue navigator export "CSV (all fields)". Such a file holds each issue as it is now, not
 * its history: the creation at {@code Created}, the current status (entered at
 * {@code Status Category Changed} when it is given; for a resolved issue without it, at
 * {@code Resolved}, since Jira sets the resolution on the transition into the final status; else
 * taken as the first status), the current assignee and priority, and the completion at
 * {@code Resolved}, never before the current status was entered (the completion belongs to the
 * final status). {@code Status Category} says whether the current status is done (for a resolved
 * issue without {@code Status Category Changed}, the status is taken as entered at {@code Resolved}
 * unless that category says it is not done). Use {@code jira-json} for the full changelog.
 * Repeated columns ({@code Labels}) are all read; dates are read in Jira's default
 * {@code 21/Nov/15 7:03 AM} form or ISO-8601, without an offset as UTC.
 *
 * <p>Change ids: {@code jira:<Issue id>:created} (the same as {@code jira-json}'s, so the two
 * overlap cleanly), {@code …:csv-status}, {@code …:csv-assignee}, {@code …:csv-priority},
 * {@code …:csv-resolved}.
 */
public final class JiraCsvReader implements SourceReader {

    public static final String KIND = "jira-csv";
    private static final DateTimeFormatter JIRA = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d/MMM/yy h:mm a").toFormatter(Locale.ENGLISH);
    private static final DateTimeFormatter JIRA_24 = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d/MMM/yy H:mm").toFormatter(Locale.ENGLISH);

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String expectedShape() {
        return "a Jira CSV export with the columns Issue key, Issue id, Summary, Status and Created";
    }

    @Override
    public void read(InputStream in, SourceSink sink) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL).get();
        try (CSVParser parser = CSVParser.builder().setReader(Utf8.reader(in))
                .setFormat(format).get()) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw new SourceFormatException("line 1", "expected " + expectedShape() + ", found an empty file");
            }
            List<String> header = records.next().toList();
            int key = header.indexOf("Issue key");
            int id = header.indexOf("Issue id");
            int created = header.indexOf("Created");
            int status = header.indexOf("Status");
            if (key < 0 || id < 0 || created < 0 || status < 0) {
                throw new SourceFormatException("line 1", "expected " + expectedShape() + ", found the columns "
                        + header.subList(0, Math.min(header.size(), 12)));
            }
            int summary = header.indexOf("Summary");
            int type = header.indexOf("Issue Type");
            int project = header.indexOf("Project key");
            int assignee = header.indexOf("Assignee");
            int priority = header.indexOf("Priority");
            int resolved = header.indexOf("Resolved");
            int creator = header.indexOf("Creator") >= 0 ? header.indexOf("Creator") : header.indexOf("Reporter");
            int statusChanged = header.indexOf("Status Category Changed");
            int statusCategory = header.indexOf("Status Category");
            List<Integer> labelColumns = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equals("Labels")) {
                    labelColumns.add(i);
                }
            }
            sink.note("jira-csv-snapshot", "a Jira CSV export holds each issue as it is now, not its history "
                    + "(export with the REST API and import jira-json for every status change)");
            while (records.hasNext()) {
                CSVRecord r = records.next();
                long line = parser.getCurrentLineNumber();
                if (r.size() < header.size()) {
                    throw new SourceFormatException("line " + line, "expected " + header.size() + " values, found "
                            + r.size() + " (a row cut short?)");
                }
                List<String> labels = new ArrayList<>();
                for (int c : labelColumns) {
                    if (!r.get(c).isBlank()) {
                        labels.add(r.get(c));
                    }
                }
                String current = value(r, status);
                String category = value(r, statusCategory);
                Boolean done = category == null ? null : category.equalsIgnoreCase("Done");
                SourceItem item = new SourceItem(r.get(key), value(r, type), value(r, project), labels, value(r, summary),
                        current, done);
                String prefix = "jira:" + r.get(id);
                Instant createdAt = time(r, created, "Created", line).orElseThrow(() -> new SourceFormatException(
                        "line " + line, "column Created: expected a date, found nothing"));
                String actor = value(r, creator);
                Optional<Instant> resolvedAt = time(r, resolved, "Resolved", line);
                Optional<Instant> changedAt = time(r, statusChanged, "Status Category Changed", line);
                Optional<Instant> enteredAt = (changedAt.isPresent() || Boolean.FALSE.equals(done) ? changedAt : resolvedAt)
                        .filter(t -> t.isAfter(createdAt));
                sink.change(new SourceChange(item, prefix + ":created", createdAt, actor, ChangeKind.CREATED, "Status",
                        null, enteredAt.isPresent() ? null : current));
                if (value(r, assignee) != null) {
                    sink.change(new SourceChange(item, prefix + ":csv-assignee", createdAt, actor, ChangeKind.ASSIGNEE,
                            "Assignee", null, value(r, assignee)));
                }
                if (value(r, priority) != null) {
                    sink.change(new SourceChange(item, prefix + ":csv-priority", createdAt, actor, ChangeKind.PRIORITY,
                            "Priority", null, value(r, priority)));
                }
                if (enteredAt.isPresent()) {
                    sink.change(new SourceChange(item, prefix + ":csv-status", enteredAt.get(), null, ChangeKind.STATUS,
                            "Status", null, current));
                }
                if (resolvedAt.isPresent()) {
                    Instant completedAt = resolvedAt.get();
                    if (enteredAt.isPresent() && enteredAt.get().isAfter(completedAt)) {
                        // Resolved in an earlier status the snapshot does not hold: completed in the current one.
                        sink.note("jira-csv-resolved-before-status", r.get(key) + ": resolved before its current status "
                                + "was entered (Resolved " + completedAt + ", Status Category Changed " + enteredAt.get()
                                + "); completed when it entered its current status");
                        completedAt = enteredAt.get();
                    }
                    sink.change(new SourceChange(item, prefix + ":csv-resolved", completedAt, null, ChangeKind.CLOSED,
                            "Resolved", null, "resolved"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            var problem = CsvProblem.of(e);
            throw new SourceFormatException(problem.line() > 0 ? "line " + problem.line() : "", problem.message(), e);
        }
    }

    private static String value(CSVRecord r, int column) {
        if (column < 0) {
            return null;
        }
        String v = r.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Optional<Instant> time(CSVRecord r, int column, String name, long line) {
        String text = value(r, column);
        if (text == null) {
            return Optional.empty();
        }
        Optional<Instant> iso = Times.parse(text);
        if (iso.isPresent()) {
            return iso;
        }
        for (DateTimeFormatter f : List.of(JIRA, JIRA_24)) {
            try {
                return Optional.of(LocalDateTime.parse(text, f).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        throw new SourceFormatException("line " + line, "column " + name + ": expected a date such as 21/Nov/15 7:03 AM "
                + "or 2015-11-21 07:03, found '" + text + "'");
    }
}
