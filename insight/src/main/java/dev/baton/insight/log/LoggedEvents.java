package dev.baton.insight.log;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Baton's events back from a process-mining log that carries them as plain attributes
 * ({@link EventAttributes}): Baton's own XES, OCEL and CSV exports, read with every kind of
 * event ({@link ReadOptions#withAllKinds()}). The same events as the JSONL log they were exported
 * from, in the same order ({@code baton:position}), so that an analysis of the export and of the
 * log give one answer. Exports of earlier versions, whose payload was one JSON text
 * ({@code baton:data} in XES and OCEL; the {@code type} and {@code data} columns in CSV), are read
 * too.
 */
public final class LoggedEvents {

    private LoggedEvents() {
    }

    /** The payload as JSON text, in exports of earlier versions. */
    private static final String LEGACY_DATA = "baton:data";
    /** The columns of earlier CSV exports: the event type and its payload as JSON text. */
    private static final String LEGACY_CSV_TYPE = "type";
    private static final String LEGACY_CSV_DATA = "data";
    private static final tools.jackson.databind.ObjectMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();
    private static final dev.baton.engine.jsonl.EventCodec CODEC = new dev.baton.engine.jsonl.EventCodec();

    /** Whether the log's events say what Baton event they are ({@code baton:type}). */
    public static boolean carried(EventLog log) {
        return log.eventAttributeKeys().contains(EventAttributes.TYPE) || legacyCsv(log);
    }

    private static boolean legacyCsv(EventLog log) {
        return log.eventAttributeKeys().containsAll(List.of(LEGACY_CSV_TYPE, LEGACY_CSV_DATA));
    }

    /**
     * Each event of the log as a Baton event, in log order: by {@code baton:position} when every
     * event has one, else case by case.
     *
     * @throws LogFormatException naming the case and event whose attributes are wrong
     */
    public static void forEach(EventLog log, Consumer<RecordedEvent> sink) {
        boolean legacyCsv = legacyCsv(log) && !log.eventAttributeKeys().contains(EventAttributes.TYPE);
        List<String> keys = log.eventAttributeKeys().stream().filter(k -> k.startsWith(EventAttributes.PREFIX)
                || legacyCsv && List.of(LEGACY_CSV_TYPE, LEGACY_CSV_DATA, "id", "version").contains(k)).toList();
        List<RecordedEvent> events = new ArrayList<>(log.eventCount());
        boolean positioned = log.eventAttributeKeys().contains(EventAttributes.POSITION);
        for (int c = 0; c < log.caseCount(); c++) {
            String caseWorkType = log.caseAttribute(c, JsonlReader.WORK_TYPE).orElse(null);
            long last = 0;
            for (int e = log.caseStart(c); e < log.caseEnd(c); e++) {
                Map<String, String> attributes = new HashMap<>();
                for (String key : keys) {
                    log.eventAttribute(e, key).ifPresent(v -> attributes.put(legacyCsv && !key.startsWith(
                            EventAttributes.PREFIX) ? legacyKey(key) : key, v));
                }
                positioned &= attributes.containsKey(EventAttributes.POSITION);
                long millis = log.hasTime(e) ? log.time(e) : last;
                last = millis;
                String workType = log.eventAttribute(e, JsonlReader.WORK_TYPE).orElse(caseWorkType);
                if (!attributes.containsKey(EventAttributes.TYPE)) {
                    throw new LogFormatException(log.name(), 0, 0, "case " + log.caseId(c) + ", event "
                            + (e - log.caseStart(c) + 1) + ": expected a " + EventAttributes.TYPE
                            + " attribute as every other event of this log has, found none");
                }
                try {
                    String data = attributes.get(LEGACY_DATA);
                    Instant at = Instant.ofEpochMilli(millis);
                    String actor = log.resourceName(e).orElse(null);
                    events.add(data == null ? EventAttributes.decode(attributes, log.caseId(c), at, actor, workType)
                            : EventAttributes.decode(attributes, log.caseId(c), at, actor, workType,
                            CODEC.payload(attributes.get(EventAttributes.TYPE), JSON.readTree(data))));
                } catch (IllegalArgumentException | tools.jackson.core.JacksonException
                         | dev.baton.engine.jsonl.EventLogFormatException ex) {
                    throw new LogFormatException(log.name(), 0, 0, "case " + log.caseId(c) + ", event "
                            + (e - log.caseStart(c) + 1) + ": " + ex.getMessage());
                }
            }
        }
        if (positioned && !events.isEmpty()) {
            events.sort(java.util.Comparator.comparingLong(RecordedEvent::position));
        }
        events.forEach(sink);
    }

    /** A legacy CSV column under the attribute name it has today. */
    private static String legacyKey(String column) {
        return switch (column) {
            case LEGACY_CSV_TYPE -> EventAttributes.TYPE;
            case LEGACY_CSV_DATA -> LEGACY_DATA;
            case "id" -> EventAttributes.ID;
            default -> EventAttributes.VERSION;
        };
    }
}
