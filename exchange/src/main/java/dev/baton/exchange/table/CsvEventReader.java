package dev.baton.exchange.table;

import static dev.baton.exchange.io.SpillSort.readString;
import static dev.baton.exchange.io.SpillSort.writeString;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.io.CsvProblem;
import dev.baton.engine.io.Utf8;
import dev.baton.engine.jsonl.EventAttributes;
import dev.baton.exchange.io.SpillSort;
import dev.baton.exchange.mapping.ImportMapping.TableColumns;
import dev.baton.exchange.source.BatonPayloads;
import dev.baton.exchange.source.ChangeKind;
import dev.baton.exchange.source.SortNotes;
import dev.baton.exchange.source.SourceChange;
import dev.baton.exchange.source.SourceFormatException;
import dev.baton.exchange.source.SourceItem;
import dev.baton.exchange.source.SourceReader;
import dev.baton.exchange.source.SourceSink;
import dev.baton.exchange.source.Times;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * {@code type} and {@code data}) comes back event for event. Rows are read one at a time; as rows
 * of different cases may be interleaved and out of time order, they go into a {@link SpillSort}
 * (on disk past its memory budget) and each case is replayed in time order, cases in the order
 * they first appear. Memory: the budget, one small entry per case and one case's state.
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
                       String title, String id, List<String> attributes, String batonType, String data,
                       List<String> batonValues) {
    }

    @Override
    public void read(InputStream in, SourceSink sink) {
        read(in, sink, SpillSort.DEFAULT_MEMORY);
    }

    /** Reads with a given memory budget for putting the rows in order (beyond it they go to disk). */
    public void read(InputStream in, SourceSink sink, long sortMemory) {
        Map<String, Integer> cases = new HashMap<>();
        List<String> attributes = columns == null ? List.of() : columns.attributes();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(Utf8.reader(in))
                .setFormat(format).get();
             SpillSort<Row> sorted = new SpillSort<>(new RowCodec(attributes.size(), batonColumns(parser)), sortMemory)) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<String> batonColumns = batonColumns(parser);
            boolean plain = header.containsKey(EventAttributes.TYPE);
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
            String id = column(header, columns == null ? null : columns.id(), "id", EventAttributes.ID);
            boolean baton = header.containsKey("type") && header.containsKey("data");
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
                        "column " + time + ": " + Times.expected(at)));
                List<String> values = new ArrayList<>(attributes.size());
                for (String a : attributes) {
                    values.add(record.get(a));
                }
                String key = record.get(item);
                List<String> batonValues = new ArrayList<>(batonColumns.size());
                for (String b : batonColumns) {
                    batonValues.add(record.get(b));
                }
                Row row = new Row(line, key, record.get(activity), instant, get(record, actor), get(record, type),
                        get(record, project), get(record, title), get(record, id), values,
                        plain ? record.get(EventAttributes.TYPE) : baton ? record.get("type") : null,
                        baton && !plain ? record.get("data") : null, batonValues);
                sorted.add(cases.computeIfAbsent(key, k -> cases.size()), instant.getEpochSecond(), instant.getNano(), row);
            }
            SortNotes.spilled(sorted, sink);
            Replay replay = new Replay(attributes, batonColumns, sink);
            sorted.drain(replay::row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SpillSort.Failure e) {
            throw e;
        } catch (java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            var problem = CsvProblem.of(e);
            throw new SourceFormatException(problem.line() > 0 ? "line " + problem.line() : "", problem.message(), e);
        }
    }

    /** The columns of Baton's plain event attributes, in header order. */
    private static List<String> batonColumns(CSVParser parser) {
        return parser.getHeaderNames().stream().filter(h -> h.startsWith(EventAttributes.PREFIX)).toList();
    }

    /** Replays the rows case by case, oldest first: what it keeps is one case's state. */
    private static final class Replay {
        private final List<String> attributes;
        private final List<String> batonColumns;
        private final SourceSink sink;
        private long group = -1;
        private String previous;
        private final Map<String, String> attributeValues = new HashMap<>();
        /** Ids given in the id column, and made ids of the current timestamp, with how often each came. */
        private final Map<String, Integer> givenIds = new HashMap<>();
        private final Map<String, Integer> madeIds = new HashMap<>();
        private Instant madeAt;

        Replay(List<String> attributes, List<String> batonColumns, SourceSink sink) {
            this.attributes = attributes;
            this.batonColumns = batonColumns;
            this.sink = sink;
        }

        /** The event of a row of Baton's plain columns; an empty cell is an attribute the event has not. */
        private BatonEvent plainEvent(Row r) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < batonColumns.size(); i++) {
                String value = r.batonValues().get(i);
                if (value != null && !value.isEmpty()) {
                    values.put(batonColumns.get(i), value);
                }
            }
            return EventAttributes.payload(r.batonType(), values);
        }

        void row(long caseIndex, Row r) {
            if (caseIndex != group) {
                group = caseIndex;
                previous = null;
                attributeValues.clear();
                givenIds.clear();
                madeIds.clear();
            }
            String key = r.item();
            SourceItem item = new SourceItem(key, r.type(), r.project(), List.of(), r.title());
            String changeId;
            if (r.id() != null && !r.id().isEmpty()) {
                int n = givenIds.merge(r.id(), 1, Integer::sum);
                changeId = n == 1 ? r.id() : r.id() + ":" + n;
            } else {
                // A made id holds the timestamp: rows of an earlier timestamp can no longer repeat it.
                if (!r.at().equals(madeAt)) {
                    madeIds.clear();
                    madeAt = r.at();
                }
                String base = "csv:" + key + ":" + r.at() + ":" + r.activity();
                int n = madeIds.merge(base, 1, Integer::sum);
                changeId = n == 1 ? base : base + ":" + n;
            }
            if (r.batonType() != null && !r.batonType().isEmpty()) {
                BatonEvent event;
                try {
                    event = r.data() != null ? BatonPayloads.event(r.batonType(), r.data()) : plainEvent(r);
                } catch (IllegalArgumentException e) {
                    throw new SourceFormatException("line " + r.line(), e.getMessage());
                }
                sink.change(SourceChange.recorded(item, changeId, r.at(), r.actor(), event));
                return;
            }
            sink.change(new SourceChange(item, changeId, r.at(), r.actor(),
                    previous == null ? ChangeKind.CREATED : ChangeKind.STATUS, "activity", previous, r.activity()));
            previous = r.activity();
            for (int i = 0; i < attributes.size(); i++) {
                String name = attributes.get(i);
                String value = r.attributes().get(i);
                String before = attributeValues.put(name, value);
                if (!value.equals(before) && !(before == null && value.isEmpty())) {
                    sink.change(new SourceChange(item, changeId + ":" + name, r.at(), r.actor(),
                            ChangeKind.FIELD, name, before, value.isEmpty() ? null : value));
                }
            }
        }
    }

    /** A row as bytes, for the sort. */
    private record RowCodec(int attributeCount, List<String> batonColumns) implements SpillSort.Codec<Row> {

        @Override
        public void write(DataOutput out, Row r) throws IOException {
            out.writeLong(r.line());
            writeString(out, r.item());
            writeString(out, r.activity());
            out.writeLong(r.at().getEpochSecond());
            out.writeInt(r.at().getNano());
            writeString(out, r.actor());
            writeString(out, r.type());
            writeString(out, r.project());
            writeString(out, r.title());
            writeString(out, r.id());
            for (String a : r.attributes()) {
                writeString(out, a);
            }
            writeString(out, r.batonType());
            writeString(out, r.data());
            for (String b : r.batonValues()) {
                writeString(out, b);
            }
        }

        @Override
        public Row read(DataInput in) throws IOException {
            long line = in.readLong();
            String item = readString(in);
            String activity = readString(in);
            Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
            String actor = readString(in);
            String type = readString(in);
            String project = readString(in);
            String title = readString(in);
            String id = readString(in);
            List<String> attributes = new ArrayList<>(attributeCount);
            for (int i = 0; i < attributeCount; i++) {
                attributes.add(readString(in));
            }
            String batonType = readString(in);
            String data = readString(in);
            List<String> batonValues = new ArrayList<>(batonColumns.size());
            for (int i = 0; i < batonColumns.size(); i++) {
                batonValues.add(readString(in));
            }
            return new Row(line, item, activity, at, actor, type, project, title, id, attributes, batonType, data,
                    batonValues);
        }
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
