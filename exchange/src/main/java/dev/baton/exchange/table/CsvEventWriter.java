package dev.baton.exchange.table;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventAttributes;
import dev.baton.exchange.source.BatonPayloads;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the log as a CSV event table, one row per event: {@code case}, {@code activity},
 * {@code timestamp}, {@code lifecycle} and {@code resource} as pm4py, Disco and
 * {@code baton discover} expect them, {@code group} (the actor's function, when the model is
 * known) and {@code work_type}; then one plain column per {@link EventAttributes} attribute
 * ({@code baton:kind}, {@code baton:type}, …, {@code baton:to}, {@code baton:owner}, …), empty
 * where an event has none. A CSV header comes first, so the columns are named up front: the
 * envelope's, then the payload attributes the log uses (see {@link #columns}).
 */
public final class CsvEventWriter implements Closeable {

    static final List<String> FIXED = List.of("case", "activity", "timestamp", "lifecycle", "resource");
    static final String GROUP = "group";
    static final String WORK_TYPE = "work_type";
    /** The envelope's attribute columns, always present, in this order. */
    static final List<String> ENVELOPE = List.of(EventAttributes.KIND, EventAttributes.TYPE, EventAttributes.ID,
            EventAttributes.VERSION, EventAttributes.POSITION, EventAttributes.MODEL_VERSION,
            EventAttributes.COMMAND_ID, EventAttributes.BATCH, EventAttributes.ITEM_STAGE, EventAttributes.ITEM_OWNER);

    private final CSVPrinter csv;
    private final dev.baton.exchange.export.ItemStates states = new dev.baton.exchange.export.ItemStates();
    private final boolean groups;
    private final List<String> columns;

    /**
     * @param payloadColumns the payload attributes to give a column (those of every event to be
     *                       written: a key not among them is an error)
     * @param groups         whether to write the {@code group} column
     */
    public CsvEventWriter(Writer out, List<String> payloadColumns, boolean groups) throws IOException {
        this.groups = groups;
        this.columns = new ArrayList<>(ENVELOPE);
        payloadColumns.stream().filter(c -> !ENVELOPE.contains(c) && !c.equals(EventAttributes.WORK_TYPE))
                .forEach(columns::add);
        List<String> header = new ArrayList<>(FIXED);
        if (groups) {
            header.add(GROUP);
        }
        header.add(WORK_TYPE);
        header.addAll(columns);
        csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n')
                .setHeader(header.toArray(String[]::new)).get());
    }

    /** The payload attribute keys of an event, for collecting the columns before writing. */
    public static Iterable<String> columns(RecordedEvent e) {
        return EventAttributes.payload(e.event()).keySet();
    }

    /** @param group the actor's function, or null */
    public void event(RecordedEvent e, String group) throws IOException {
        Map<String, Object> attributes = EventAttributes.of(e);
        attributes.putAll(states.after(e));
        List<Object> row = new ArrayList<>(FIXED.size() + 2 + columns.size());
        row.add(e.stream());
        row.add(BatonPayloads.activity(e.event()));
        row.add(e.at().toString());
        row.add("complete");
        row.add(e.actor());
        if (groups) {
            row.add(group);
        }
        row.add(e.workType());
        for (String column : columns) {
            row.add(attributes.remove(column));
        }
        attributes.remove(EventAttributes.WORK_TYPE);
        if (!attributes.isEmpty()) {
            throw new IllegalStateException("no CSV column for " + attributes.keySet() + " of event "
                    + EventAttributes.id(e));
        }
        csv.printRecord(row);
    }

    @Override
    public void close() throws IOException {
        csv.close(true);
    }
}
