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
 * log give one answer.
 */
public final class LoggedEvents {

    private LoggedEvents() {
    }

    /** Whether the log's events say what Baton event they are ({@code baton:type}). */
    public static boolean carried(EventLog log) {
        return log.eventAttributeKeys().contains(EventAttributes.TYPE);
    }

    /**
     * Each event of the log as a Baton event, in log order: by {@code baton:position} when every
     * event has one, else case by case.
     *
     * @throws LogFormatException naming the case and event whose attributes are wrong
     */
    public static void forEach(EventLog log, Consumer<RecordedEvent> sink) {
        List<String> keys = log.eventAttributeKeys().stream().filter(k -> k.startsWith(EventAttributes.PREFIX))
                .toList();
        List<RecordedEvent> events = new ArrayList<>(log.eventCount());
        boolean positioned = log.eventAttributeKeys().contains(EventAttributes.POSITION);
        for (int c = 0; c < log.caseCount(); c++) {
            String caseWorkType = log.caseAttribute(c, JsonlReader.WORK_TYPE).orElse(null);
            long last = 0;
            for (int e = log.caseStart(c); e < log.caseEnd(c); e++) {
                Map<String, String> attributes = new HashMap<>();
                for (String key : keys) {
                    log.eventAttribute(e, key).ifPresent(v -> attributes.put(key, v));
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
                    events.add(EventAttributes.decode(attributes, log.caseId(c), Instant.ofEpochMilli(millis),
                            log.resourceName(e).orElse(null), workType));
                } catch (IllegalArgumentException ex) {
                    throw new LogFormatException(log.name(), 0, 0, "case " + log.caseId(c) + ", event "
                            + (e - log.caseStart(c) + 1) + ": " + ex.getMessage());
                }
            }
        }
        if (positioned) {
            events.sort(java.util.Comparator.comparingLong(RecordedEvent::position));
        }
        events.forEach(sink);
    }
}
