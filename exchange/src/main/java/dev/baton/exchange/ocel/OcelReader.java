package dev.baton.exchange.ocel;

import static dev.baton.exchange.source.JsonSource.list;
import static dev.baton.exchange.source.JsonSource.text;

import static dev.baton.exchange.io.SpillSort.readString;
import static dev.baton.exchange.io.SpillSort.writeString;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.jsonl.EventAttributes;
import dev.baton.exchange.io.SpillSort;
import dev.baton.exchange.source.BatonPayloads;
import dev.baton.exchange.source.ChangeKind;
import dev.baton.exchange.source.JsonSource;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JsonToken;

/**
 * An OCEL 2.0 JSON log. Baton's own export comes back event for event (the event's
 * {@code item} relationship is its work item). Any other OCEL log is flattened onto one object
 * type, as process-mining tools do for a case notion: the type whose objects take part in the most
 * events, or the one named by the mapping's {@code columns.type}. Each object of that type is a work item whose activities are the types of
 * its events, in time order. The log streams event by event (see {@link #read(InputStream, SourceSink, long)}
 * for what memory holds).
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

    /** One OCEL event as the reader keeps it: relationships as object id, qualifier pairs. */
    private record Occurrence(String id, String type, Instant at, Map<String, String> attributes,
                              List<String> relationships) {

        String actor() {
            for (int i = 0; i < relationships.size(); i += 2) {
                if ("actor".equals(relationships.get(i + 1))) {
                    return relationships.get(i);
                }
            }
            return attributes.getOrDefault("org:resource", attributes.get("resource"));
        }
    }

    /** An event as seen from one object it relates to: what the sort puts in order, object by object. */
    private record Related(String objectId, String objectType, Occurrence event) {
    }

    /** What the reader keeps of an object: its type and its place in the objects list. */
    private record ObjectRef(String type, int index) {
    }

    @Override
    public void read(InputStream in, SourceSink sink) {
        read(in, sink, SpillSort.DEFAULT_MEMORY);
    }

    /**
     * Reads with a given memory budget for each of the two sorts (beyond it they go to disk): the
     * events read before the objects they relate to wait in one (OCEL lets {@code events} come
     * before {@code objects}, and Baton writes them so), and every event goes into the other once
     * for each object it relates to, to be replayed object by object. Besides that, memory holds
     * each object's id and type.
     */
    public void read(InputStream in, SourceSink sink, long sortMemory) {
        Map<String, ObjectRef> objects = new HashMap<>();
        Map<String, String> typeNames = new HashMap<>();
        Map<String, Integer> eventsPerType = new HashMap<>();
        boolean[] baton = {false};
        Set<String> keys = new TreeSet<>();
        try (JsonSource json = new JsonSource(in, expectedShape());
             SpillSort<Occurrence> waiting = new SpillSort<>(new OccurrenceCodec(), sortMemory);
             SpillSort<Related> sorted = new SpillSort<>(new RelatedCodec(), sortMemory)) {
            JsonToken first = json.next();
            if (first != JsonToken.START_OBJECT) {
                throw json.wrongShape(first == null ? "an empty file" : "JSON starting with " + first);
            }
            while (json.next() == JsonToken.PROPERTY_NAME) {
                String name = json.name();
                JsonToken value = json.next();
                keys.add(name);
                if (name.equals("objects")) {
                    for (JsonToken t = json.firstObject(value); t != JsonToken.END_ARRAY; t = json.nextObject()) {
                        Object o = json.tree(Set.of("attributes", "relationships"));
                        String type = text(o, "type");
                        objects.put(text(o, "id"), new ObjectRef(type == null ? null
                                : typeNames.computeIfAbsent(type, k -> k), objects.size()));
                    }
                } else if (name.equals("events")) {
                    for (JsonToken t = json.firstObject(value); t != JsonToken.END_ARRAY; t = json.nextObject()) {
                        String where = json.where();
                        Occurrence o = occurrence(json.tree(Set.of()), where);
                        baton[0] |= o.attributes().containsKey(EventAttributes.TYPE);
                        if (keys.contains("objects")) {
                            relate(o, objects, eventsPerType, sorted);
                        } else {
                            waiting.add(0, 0, 0, o);
                        }
                    }
                } else {
                    json.skip();
                }
            }
            if (json.next() != null) {
                throw json.wrongShape("more JSON after the log");
            }
            if (!keys.contains("events") || !keys.contains("objects")) {
                throw new SourceFormatException("line 1, column 1", "expected " + expectedShape()
                        + ", found an object with the keys " + keys);
            }
            waiting.drain((group, o) -> relate(o, objects, eventsPerType, sorted));
            String chosen = caseType != null ? caseType : baton[0] ? OcelWriter.ITEM
                    : eventsPerType.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey)
                    .orElse(null);
            if (chosen == null || !eventsPerType.containsKey(chosen)) {
                throw new SourceFormatException("", chosen == null
                        ? "expected events related to the objects listed in \"objects\", found none (do the "
                        + "relationships name objects that are not listed?)"
                        : "expected events related to objects of type '" + chosen + "', found object types "
                        + new TreeSet<>(eventsPerType.keySet()));
            }
            if (!baton[0] && eventsPerType.size() > 1) {
                sink.note("ocel-flattened", "flattened onto object type '" + chosen + "' (" + eventsPerType.get(chosen)
                        + " events); other object types: " + new TreeSet<>(eventsPerType.keySet()));
            }
            SortNotes.spilled(sorted, sink);
            replay(sorted, chosen, baton[0] && caseType == null, sink);
        }
    }

    private static Occurrence occurrence(Object e, String where) {
        String id = text(e, "id");
        Instant at = Times.parse(text(e, "time")).orElseThrow(() -> new SourceFormatException(where,
                "expected \"time\" of event " + id + " to be a timestamp, found " + text(e, "time")));
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Object a : list(e, "attributes")) {
            attributes.put(text(a, "name"), text(a, "value"));
        }
        List<String> related = new ArrayList<>();
        for (Object r : list(e, "relationships")) {
            related.add(text(r, "objectId"));
            related.add(text(r, "qualifier"));
        }
        return new Occurrence(id, text(e, "type"), at, attributes, related);
    }

    /** Puts the event in order under each object it relates to, and counts it once per object type. */
    private void relate(Occurrence o, Map<String, ObjectRef> objects, Map<String, Integer> eventsPerType,
                        SpillSort<Related> sorted) {
        boolean batonEvent = o.attributes().containsKey(EventAttributes.TYPE);
        Set<String> typesSeen = new HashSet<>(4);
        List<String> r = o.relationships();
        for (int i = 0; i < r.size(); i += 2) {
            ObjectRef object = objects.get(r.get(i));
            if (object == null || object.type() == null || (batonEvent && !isStream(r.get(i + 1)))) {
                continue;
            }
            if (typesSeen.add(object.type())) {
                eventsPerType.merge(object.type(), 1, Integer::sum);
            }
            if (caseType == null || caseType.equals(object.type())) {
                sorted.add(object.index(), o.at().getEpochSecond(), o.at().getNano(),
                        new Related(r.get(i), object.type(), o));
            }
        }
    }

    /** Whether a Baton event's relationship is to its own stream (not to a request it came from, say). */
    private static boolean isStream(String qualifier) {
        return OcelWriter.ITEM_QUALIFIER.equals(qualifier) || OcelWriter.REQUEST_QUALIFIER.equals(qualifier);
    }

    /** Each object of the chosen type is an item: its events' types are its activities, oldest first. */
    private static void replay(SpillSort<Related> sorted, String chosen, boolean batonLog, SourceSink sink) {
        long[] group = {-1};
        String[] previous = {null};
        sorted.drain((index, related) -> {
            if (!chosen.equals(related.objectType()) && !(batonLog && OcelWriter.REQUEST.equals(related.objectType()))) {
                return;
            }
            if (index != group[0]) {
                group[0] = index;
                previous[0] = null;
            }
            Occurrence o = related.event();
            String objectId = related.objectId();
            String data = o.attributes().get("baton:data");
            String batonType = o.attributes().get(EventAttributes.TYPE);
            if (batonType != null) {
                BatonEvent event;
                try {
                    event = data != null ? BatonPayloads.event(batonType, data)
                            : EventAttributes.payload(batonType, o.attributes());
                } catch (IllegalArgumentException ex) {
                    throw new SourceFormatException("event " + o.id(), ex.getMessage());
                }
                SourceItem item = new SourceItem(objectId, o.attributes().get("baton:workType"), null, List.of(), null);
                sink.change(SourceChange.recorded(item, o.attributes().getOrDefault("baton:id", "ocel:" + o.id()),
                        o.at(), o.actor(), event));
                return;
            }
            SourceItem item = new SourceItem(objectId, chosen, null, List.of(), null);
            String changeId = "ocel:" + o.id() + ":" + objectId;
            sink.change(new SourceChange(item, changeId, o.at(), o.actor(),
                    previous[0] == null ? ChangeKind.CREATED : ChangeKind.STATUS, "type", previous[0], o.type()));
            previous[0] = o.type();
        });
    }

    /** An event as bytes, for the sorts. */
    private static class OccurrenceCodec implements SpillSort.Codec<Occurrence> {

        @Override
        public void write(DataOutput out, Occurrence o) throws IOException {
            writeString(out, o.id());
            writeString(out, o.type());
            out.writeLong(o.at().getEpochSecond());
            out.writeInt(o.at().getNano());
            out.writeInt(o.attributes().size());
            for (var a : o.attributes().entrySet()) {
                writeString(out, a.getKey());
                writeString(out, a.getValue());
            }
            out.writeInt(o.relationships().size());
            for (String r : o.relationships()) {
                writeString(out, r);
            }
        }

        @Override
        public Occurrence read(DataInput in) throws IOException {
            String id = readString(in);
            String type = readString(in);
            Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
            int n = in.readInt();
            Map<String, String> attributes = new LinkedHashMap<>(Math.max(4, n * 2));
            for (int i = 0; i < n; i++) {
                String name = readString(in);
                attributes.put(name, readString(in));
            }
            int m = in.readInt();
            List<String> relationships = new ArrayList<>(m);
            for (int i = 0; i < m; i++) {
                relationships.add(readString(in));
            }
            return new Occurrence(id, type, at, attributes, relationships);
        }
    }

    private static final class RelatedCodec implements SpillSort.Codec<Related> {
        private final OccurrenceCodec occurrences = new OccurrenceCodec();

        @Override
        public void write(DataOutput out, Related r) throws IOException {
            writeString(out, r.objectId());
            writeString(out, r.objectType());
            occurrences.write(out, r.event());
        }

        @Override
        public Related read(DataInput in) throws IOException {
            String objectId = readString(in);
            String objectType = readString(in);
            return new Related(objectId, objectType, occurrences.read(in));
        }
    }
}
