package dev.baton.exchange.ocel;

import static dev.baton.exchange.source.JsonSource.list;
import static dev.baton.exchange.source.JsonSource.text;

import dev.baton.engine.event.BatonEvent;
import dev.baton.exchange.source.BatonPayloads;
import dev.baton.exchange.source.ChangeKind;
import dev.baton.exchange.source.JsonSource;
import dev.baton.exchange.source.SourceChange;
import dev.baton.exchange.source.SourceFormatException;
import dev.baton.exchange.source.SourceItem;
import dev.baton.exchange.source.SourceReader;
import dev.baton.exchange.source.SourceSink;
import dev.baton.exchange.source.Times;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonToken;

/**
 * An OCEL 2.0 JSON log. Baton's own export comes back event for event (the event's
 * {@code item} relationship is its work item). Any other OCEL log is flattened onto one object
 * type, as process-mining tools do for a case notion: the type whose objects take part in the most
 * events, or the one named by the mapping's {@code columns.type}. Each object of that type is a work item whose activities are the types of
 * its events, in time order. The file is read whole (OCEL logs list objects after events).
 *
 * <p>Change ids: {@code baton:id}, else {@code ocel:<event id>:<object id>}.
 */
public final class OcelReader implements SourceReader {

    public static final String KIND = "ocel";
    private final String caseType;

    /** @param caseType the object type that is the work item, or null for the one with most events */
    public OcelReader(String caseType) {
        this.caseType = caseType;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String expectedShape() {
        return "an OCEL 2.0 JSON log ({\"objectTypes\", \"eventTypes\", \"objects\", \"events\": [{\"id\", \"type\", "
                + "\"time\", \"attributes\", \"relationships\"}]})";
    }

    private record Occurrence(String id, String type, Instant at, String actor, Map<String, String> attributes,
                              int order) {
    }

    @Override
    public void read(InputStream in, SourceSink sink) {
        Object log;
        try (JsonSource json = new JsonSource(in, expectedShape())) {
            JsonToken first = json.next();
            if (first != JsonToken.START_OBJECT) {
                throw json.wrongShape(first == null ? "an empty file" : "JSON starting with " + first);
            }
            log = json.tree(Set.of());
            if (json.next() != null) {
                throw json.wrongShape("more JSON after the log");
            }
        }
        if (!(log instanceof Map<?, ?> m) || !m.containsKey("events") || !m.containsKey("objects")) {
            throw new SourceFormatException("line 1, column 1", "expected " + expectedShape() + ", found "
                    + (log instanceof Map<?, ?> map ? "an object with the keys " + new java.util.TreeSet<>(map.keySet()) : "something else"));
        }
        Map<String, String> objectTypes = new HashMap<>();
        for (Object o : list(log, "objects")) {
            objectTypes.put(text(o, "id"), text(o, "type"));
        }
        // Events by the objects they relate to, per object type.
        Map<String, Map<String, List<Occurrence>>> byTypeAndObject = new LinkedHashMap<>();
        Map<String, Integer> eventsPerType = new HashMap<>();
        boolean baton = false;
        int order = 0;
        for (Object e : list(log, "events")) {
            String id = text(e, "id");
            String type = text(e, "type");
            Instant at = Times.parse(text(e, "time")).orElseThrow(() -> new SourceFormatException("event " + id,
                    "expected \"time\" to be a timestamp, found " + text(e, "time")));
            Map<String, String> attributes = new LinkedHashMap<>();
            for (Object a : list(e, "attributes")) {
                attributes.put(text(a, "name"), text(a, "value"));
            }
            baton |= attributes.containsKey("baton:data");
            String actor = null;
            List<String[]> related = new ArrayList<>();
            for (Object r : list(e, "relationships")) {
                String objectId = text(r, "objectId");
                String qualifier = text(r, "qualifier");
                if ("actor".equals(qualifier)) {
                    actor = objectId;
                }
                related.add(new String[] {objectId, qualifier});
            }
            if (actor == null) {
                actor = attributes.getOrDefault("org:resource", attributes.get("resource"));
            }
            Occurrence occurrence = new Occurrence(id, type, at, actor, attributes, order++);
            Set<String> typesSeen = new java.util.HashSet<>();
            for (String[] r : related) {
                String objectType = objectTypes.get(r[0]);
                if (objectType == null || (attributes.containsKey("baton:data") && !"item".equals(r[1]))) {
                    continue;
                }
                byTypeAndObject.computeIfAbsent(objectType, k -> new LinkedHashMap<>())
                        .computeIfAbsent(r[0], k -> new ArrayList<>()).add(occurrence);
                if (typesSeen.add(objectType)) {
                    eventsPerType.merge(objectType, 1, Integer::sum);
                }
            }
        }
        String chosen = caseType != null ? caseType : baton ? OcelWriter.ITEM
                : eventsPerType.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
        if (chosen == null || !byTypeAndObject.containsKey(chosen)) {
            throw new SourceFormatException("", "expected events related to objects of type '" + chosen
                    + "', found object types " + new java.util.TreeSet<>(byTypeAndObject.keySet()));
        }
        if (!baton && byTypeAndObject.size() > 1) {
            sink.note("ocel-flattened", "flattened onto object type '" + chosen + "' (" + eventsPerType.get(chosen)
                    + " events); other object types: " + new java.util.TreeSet<>(byTypeAndObject.keySet()));
        }
        byTypeAndObject.get(chosen).forEach((objectId, occurrences) -> {
            occurrences.sort(Comparator.comparing(Occurrence::at).thenComparingInt(Occurrence::order));
            String previous = null;
            for (Occurrence o : occurrences) {
                String data = o.attributes().get("baton:data");
                String batonType = o.attributes().get("baton:type");
                if (data != null && batonType != null) {
                    BatonEvent event;
                    try {
                        event = BatonPayloads.event(batonType, data);
                    } catch (IllegalArgumentException ex) {
                        throw new SourceFormatException("event " + o.id(), ex.getMessage());
                    }
                    SourceItem item = new SourceItem(objectId, o.attributes().get("baton:workType"), null, List.of(), null);
                    sink.change(SourceChange.recorded(item, o.attributes().getOrDefault("baton:id", "ocel:" + o.id()),
                            o.at(), o.actor(), event));
                    continue;
                }
                SourceItem item = new SourceItem(objectId, chosen, null, List.of(), null);
                String changeId = "ocel:" + o.id() + ":" + objectId;
                sink.change(new SourceChange(item, changeId, o.at(), o.actor(),
                        previous == null ? ChangeKind.CREATED : ChangeKind.STATUS, "type", previous, o.type()));
                previous = o.type();
            }
        });
    }
}
