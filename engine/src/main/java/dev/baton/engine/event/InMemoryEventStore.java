package dev.baton.engine.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        return appendAll(List.of(new StreamAppend(stream, expectedVersion, commandId, events))).get(0);
    }

    @Override
    public synchronized List<List<RecordedEvent>> appendAll(List<StreamAppend> parts) {
        // Check every part before writing any, so a conflict leaves every stream as it was.
        Set<String> named = parts.size() > 1 ? new HashSet<>() : null;
        List<List<RecordedEvent>> earlier = new ArrayList<>(parts.size());
        for (StreamAppend part : parts) {
            if (named != null && !named.add(part.stream())) {
                throw new IllegalArgumentException("stream " + part.stream() + " appears twice in one append");
            }
            List<RecordedEvent> retried = part.commandId() == null ? null : byCommand.get(part.commandId());
            earlier.add(retried);
            if (retried == null && version(part.stream()) != part.expectedVersion()) {
                throw new ConcurrencyConflict(part.stream(), part.expectedVersion(), version(part.stream()));
            }
        }
        List<List<RecordedEvent>> results = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            results.add(earlier.get(i) != null ? earlier.get(i) : write(parts.get(i)));
        }
        return results;
    }

    private List<RecordedEvent> write(StreamAppend part) {
        if (part.events().isEmpty()) {
            return List.of();
        }
        List<RecordedEvent> existing = streams.computeIfAbsent(part.stream(), s -> new ArrayList<>());
        List<RecordedEvent> recorded = new ArrayList<>(part.events().size());
        for (PendingEvent e : part.events()) {
            RecordedEvent r = new RecordedEvent(log.size() + 1, part.stream(), existing.size() + 1, e.at(), e.actor(),
                    e.workType(), e.modelVersion(), part.commandId(), e.event());
            log.add(r);
            existing.add(r);
            recorded.add(r);
        }
        List<RecordedEvent> result = List.copyOf(recorded);
        if (part.commandId() != null) {
            byCommand.put(part.commandId(), result);
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
