package dev.baton.exchange.table;

import dev.baton.engine.event.BatonEvent;
import dev.baton.exchange.mapping.ImportMapping.TableColumns;
import dev.baton.exchange.source.BatonPayloads;
import dev.baton.exchange.source.ChangeKind;
import dev.baton.exchange.source.SourceChange;
import dev.baton.exchange.source.SourceFormatException;
import dev.baton.exchange.source.SourceItem;
import dev.baton.exchange.source.SourceReader;
import dev.baton.exchange.source.SourceSink;
import dev.baton.exchange.source.Times;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Any event table as CSV: one row per event with a case (work item), an activity and a
 * timestamp, and optionally a resource and attribute columns. The columns are named in the
 * mapping's {@code columns}; without them the usual names are recognised ({@code case},
 * {@code activity}, {@code timestamp}, {@code resource}, and pm4py's {@code case:concept:name},
 * {@code concept:name}, {@code time:timestamp}, {@code org:resource}). Baton's own CSV export (with
 * {@code type} and {@code data}) comes back event for event. Rows of different cases may be
 * interleaved: the table is held in memory and each case replayed in time order.
 *
 * <p>Each case's first row creates the item in its activity, every later row enters its activity;
 * an attribute column whose value changes becomes a field change. Change ids: the {@code id}
 * column, else {@code csv:<case>:<timestamp>:<activity>}, the same in overlapping exports.
 */
public final class CsvEventReader implements SourceReader {

    public static final String KIND = "csv";
    private final TableColumns columns;

    public CsvEventReader(TableColumns columns) {
        this.columns = columns;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String expectedShape() {
        return "a CSV event table with a header row naming the case, activity and timestamp columns "
                + "(case, activity, timestamp; or as named in the mapping's columns)";
    }

    private record Row(long line, String item, String activity, Instant at, String actor, String type, String project,
                       String title, String id, Map<String, String> attributes, String batonType, String data) {
    }

    @Override
    public void read(InputStream in, SourceSink sink) {
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                .setFormat(format).get()) {
            Map<String, Integer> header = parser.getHeaderMap();
            String item = column(header, columns == null ? null : columns.item(), "case", "case:concept:name", "case_id");
            String activity = column(header, columns == null ? null : columns.activity(), "activity", "concept:name");
            String time = column(header, columns == null ? null : columns.time(), "timestamp", "time:timestamp", "time");
            if (item == null || activity == null || time == null) {
                throw new SourceFormatException("line 1", "expected " + expectedShape() + ", found the columns "
                        + header.keySet());
            }
            String actor = column(header, columns == null ? null : columns.actor(), "resource", "org:resource", "actor");
            String type = column(header, columns == null ? null : columns.type(), "work_type");
            String project = column(header, columns == null ? null : columns.project());
            String title = column(header, columns == null ? null : columns.title(), "title");
            String id = column(header, columns == null ? null : columns.id(), "id");
            boolean baton = header.containsKey("type") && header.containsKey("data");
            List<String> attributes = columns == null ? List.of() : columns.attributes();
            for (String a : attributes) {
                if (!header.containsKey(a)) {
                    throw new SourceFormatException("line 1", "expected a column '" + a + "' (named in the mapping's "
                            + "columns.attributes), found the columns " + header.keySet());
                }
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    throw new SourceFormatException("line " + line, "expected " + header.size() + " values, found "
                            + record.size() + " (a row cut short or a stray separator)");
                }
                String at = record.get(time);
                Instant instant = Times.parse(at).orElseThrow(() -> new SourceFormatException("line " + line,
                        "column " + time + ": expected a timestamp such as 2026-03-02T09:15:00Z, found '" + at + "'"));
                Map<String, String> values = new LinkedHashMap<>();
                for (String a : attributes) {
                    values.put(a, record.get(a));
                }
                rows.add(new Row(line, record.get(item), record.get(activity), instant, get(record, actor),
                        get(record, type), get(record, project), get(record, title), get(record, id), values,
                        baton ? record.get("type") : null, baton ? record.get("data") : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new SourceFormatException("", "malformed CSV: " + e.getMessage(), e);
        }
        Map<String, List<Row>> byItem = new LinkedHashMap<>();
        for (Row r : rows) {
            byItem.computeIfAbsent(r.item(), k -> new ArrayList<>()).add(r);
        }
        byItem.forEach((key, itemRows) -> {
            itemRows.sort(Comparator.comparing(Row::at).thenComparingLong(Row::line));
            String previous = null;
            Map<String, String> attributeValues = new HashMap<>();
            Map<String, Integer> seenIds = new HashMap<>();
            for (Row r : itemRows) {
                SourceItem item = new SourceItem(key, r.type(), r.project(), List.of(), r.title());
                String base = r.id() != null && !r.id().isEmpty() ? r.id() : "csv:" + key + ":" + r.at() + ":" + r.activity();
                int n = seenIds.merge(base, 1, Integer::sum);
                String changeId = n == 1 ? base : base + ":" + n;
                if (r.batonType() != null && !r.batonType().isEmpty()) {
                    BatonEvent event;
                    try {
                        event = BatonPayloads.event(r.batonType(), r.data());
                    } catch (IllegalArgumentException e) {
                        throw new SourceFormatException("line " + r.line(), e.getMessage());
                    }
                    sink.change(SourceChange.recorded(item, changeId, r.at(), r.actor(), event));
                    continue;
                }
                sink.change(new SourceChange(item, changeId, r.at(), r.actor(),
                        previous == null ? ChangeKind.CREATED : ChangeKind.STATUS, "activity", previous, r.activity()));
                previous = r.activity();
                for (var a : r.attributes().entrySet()) {
                    String before = attributeValues.put(a.getKey(), a.getValue());
                    if (!a.getValue().equals(before) && !(before == null && a.getValue().isEmpty())) {
                        sink.change(new SourceChange(item, changeId + ":" + a.getKey(), r.at(), r.actor(),
                                ChangeKind.FIELD, a.getKey(), before, a.getValue().isEmpty() ? null : a.getValue()));
                    }
                }
            }
        });
    }

    private static String get(CSVRecord record, String column) {
        if (column == null) {
            return null;
        }
        String value = record.get(column);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The named column if the header has it, else the first of the usual names it has. */
    private static String column(Map<String, Integer> header, String named, String... usual) {
        if (named != null) {
            return header.containsKey(named) ? named : null;
        }
        for (String u : usual) {
            if (header.containsKey(u)) {
                return u;
            }
        }
        return null;
    }
}
