package dev.baton.insight.log;

import dev.baton.engine.io.CsvProblem;
import dev.baton.engine.jsonl.EventAttributes;
import dev.baton.engine.time.Timestamps;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV event log with a header row: one event per row, columns {@code case},
 * {@code activity}, {@code timestamp}, optional {@code resource}, {@code lifecycle},
 * {@code work_type} and {@code function}; every other column becomes an event attribute. pm4py's
 * own names ({@code case:concept:name}, {@code concept:name}, {@code time:timestamp},
 * {@code org:resource}, {@code lifecycle:transition}) are understood too. Rows of one case may
 * be interleaved with others; each case is then ordered by time (stable). A row whose
 * {@code baton:kind} is not {@code stage} is kept only when the options ask for every kind.
 */
final class CsvReader {

    static final String CASE = "case";
    static final String ACTIVITY = "activity";
    static final String TIMESTAMP = "timestamp";
    static final String RESOURCE = "resource";
    static final String LIFECYCLE = "lifecycle";

    private static final Map<String, String> ALIASES = Map.of(
            "case:concept:name", CASE, "case_id", CASE, "caseid", CASE,
            "concept:name", ACTIVITY, "time:timestamp", TIMESTAMP, "time", TIMESTAMP,
            "org:resource", RESOURCE, "lifecycle:transition", LIFECYCLE);

    private final String file;
    private final ReadOptions options;

    CsvReader(String file, ReadOptions options) {
        this.file = file;
        this.options = options;
    }

    EventLog read(Reader in) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        EventLogBuilder log = EventLog.builder(file);
        try (CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = parser.getHeaderNames();
            Map<String, Integer> roles = new LinkedHashMap<>();
            List<Integer> extra = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip();
                String role = ALIASES.getOrDefault(name.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
                if (List.of(CASE, ACTIVITY, TIMESTAMP, RESOURCE, LIFECYCLE).contains(role) && !roles.containsKey(role)) {
                    roles.put(role, i);
                } else {
                    extra.add(i);
                }
            }
            List<String> missing = new ArrayList<>();
            for (String required : List.of(CASE, ACTIVITY, TIMESTAMP)) {
                if (!roles.containsKey(required)) {
                    missing.add(required);
                }
            }
            if (!missing.isEmpty()) {
                throw new LogFormatException(file, 1, 0, "expected the header to have the columns case, activity "
                        + "and timestamp, missing " + String.join(", ", missing) + " (found " + String.join(", ", header) + ")");
            }
            int caseColumn = roles.get(CASE);
            int activityColumn = roles.get(ACTIVITY);
            int timeColumn = roles.get(TIMESTAMP);
            int resourceColumn = roles.getOrDefault(RESOURCE, -1);
            int lifecycleColumn = roles.getOrDefault(LIFECYCLE, -1);
            int kindColumn = header.indexOf(EventAttributes.KIND);
            for (CSVRecord row : parser) {
                long line = parser.getCurrentLineNumber();
                if (row.size() != header.size()) {
                    throw new LogFormatException(file, line, 0, "expected " + header.size() + " fields as in the header, found "
                            + row.size());
                }
                String caseId = required(row, caseColumn, header, line);
                String activity = required(row, activityColumn, header, line);
                String stamp = required(row, timeColumn, header, line);
                long time;
                try {
                    time = Timestamps.parse(stamp);
                } catch (IllegalArgumentException e) {
                    throw new LogFormatException(file, line, 0, "column " + header.get(timeColumn) + ": " + e.getMessage());
                }
                String lifecycle = lifecycleColumn < 0 ? null : blankToNull(row.get(lifecycleColumn));
                if (!options.keeps(lifecycle)
                        || !options.keepsKind(kindColumn < 0 ? null : blankToNull(row.get(kindColumn)))) {
                    continue;
                }
                log.event(log.caseIndex(caseId), activity, time,
                        resourceColumn < 0 ? null : blankToNull(row.get(resourceColumn)));
                if (lifecycle != null) {
                    log.attribute(LIFECYCLE, lifecycle);
                }
                for (int i : extra) {
                    log.attribute(header.get(i).strip(), blankToNull(row.get(i)));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Commons CSV's verdicts (an unclosed quote; duplicate or empty header names), or text that is not UTF-8
            CsvProblem problem = CsvProblem.of(e);
            throw new LogFormatException(file, problem.line(), 0, problem.message());
        }
        if (log.eventCount() == 0) {
            throw new LogFormatException(file, 0, 0, "expected at least one event row after the header, found none");
        }
        return log.build(true);
    }

    private String required(CSVRecord row, int column, List<String> header, long line) {
        String value = blankToNull(row.get(column));
        if (value == null) {
            throw new LogFormatException(file, line, 0, "expected a value in column " + header.get(column) + ", found none");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
