package dev.baton.engine.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event log in memory: for tests, the simulator and benchmarks. Thread-safe; one lock keeps
 * appends atomic and positions gap-free, which is plenty at the speeds it is used at.
 */
public final class InMemoryEventStore implements EventStore {

    private final List<RecordedEvent> log = new ArrayList<>();
    private final Map<String, List<RecordedEvent>> streams = new HashMap<>();
    private final Map<String, List<RecordedEvent>> byCommand = new HashMap<>();

    @Override
    public synchronized List<RecordedEvent> append(String stream, long expectedVersion, String commandId,
                                                   List<PendingEvent> events) {
        if (commandId != null) {
            List<RecordedEvent> earlier = byCommand.get(commandId);
            if (earlier != null) {
                return earlier;
            }
        }
        List<RecordedEvent> existing = streams.get(stream);
        long current = existing == null ? 0 : existing.size();
        if (current != expectedVersion) {
            throw new ConcurrencyConflict(stream, expectedVersion, current);
        }
        if (events.isEmpty()) {
            return List.of();
        }
        if (existing == null) {
            existing = new ArrayList<>();
            streams.put(stream, existing);
        }
        List<RecordedEvent> recorded = new ArrayList<>(events.size());
        for (PendingEvent e : events) {
            RecordedEvent r = new RecordedEvent(log.size() + 1, stream, existing.size() + 1, e.at(), e.actor(),
                    e.workType(), e.modelVersion(), commandId, e.event());
            log.add(r);
            existing.add(r);
            recorded.add(r);
        }
        List<RecordedEvent> result = List.copyOf(recorded);
        if (commandId != null) {
            byCommand.put(commandId, result);
        }
        return result;
    }

    @Override
    public synchronized List<RecordedEvent> read(String stream) {
        List<RecordedEvent> events = streams.get(stream);
        return events == null ? List.of() : List.copyOf(events);
    }

    @Override
    public synchronized long version(String stream) {
        List<RecordedEvent> events = streams.get(stream);
        return events == null ? 0 : events.size();
    }

    @Override
    public synchronized List<RecordedEvent> readAll(long afterPosition, int limit) {
        if (limit <= 0 || afterPosition >= log.size()) {
            return List.of();
        }
        int from = (int) Math.max(0, afterPosition);
        return List.copyOf(log.subList(from, (int) Math.min(log.size(), (long) from + limit)));
    }

    @Override
    public synchronized Optional<List<RecordedEvent>> byCommandId(String commandId) {
        return Optional.ofNullable(byCommand.get(commandId));
    }
}
