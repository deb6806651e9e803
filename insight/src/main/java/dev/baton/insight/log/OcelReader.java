package dev.baton.insight.log;

import dev.baton.engine.io.JsonProblem;
import dev.baton.engine.jsonl.EventAttributes;
import dev.baton.engine.time.Timestamps;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an OCEL 2.0 JSON log and flattens it on one object type: every object of that type is a
 * case, and its events (those that relate to it) are its trace, ordered by time; the activity is
 * the event type. The type is {@link ReadOptions#objectType()}, or else the type whose objects
 * take part in the most events. Objects and events are parsed one at a time, so the file is never held
 * as a tree. An event's resource is the object it relates to as {@code actor}, else its
 * {@code org:resource} attribute.
 *
 * <p>Baton's own export (events with {@code baton:type}) is read, unless an object type is asked
 * for, with each event in the case of its own stream: the work item or intake request it relates
 * to as {@code item} or {@code request}, so the cases are Baton's streams and nothing is counted
 * twice. An event whose {@code baton:kind} is not {@code stage} is kept only when the options ask
 * for every kind.
 */
final class OcelReader {

    private static final ObjectMapper JSON = JsonMapper.builder(JsonProblem.FACTORY).build();

    private final String file;
    private final ReadOptions options;

    OcelReader(String file, ReadOptions options) {
        this.file = file;
        this.options = options;
    }

    /** An event with its related objects and, at the same index, the qualifiers of those relationships. */
    private record OcelEvent(String type, long time, Map<String, String> attributes, List<String> objects,
                             List<String> qualifiers) {

        String resource() {
            int actor = qualifiers.indexOf("actor");
            return actor >= 0 ? objects.get(actor) : attributes.get("org:resource");
        }

        /** A Baton event's own stream, or null. */
        String stream() {
            for (int i = 0; i < objects.size(); i++) {
                if (STREAM_QUALIFIERS.contains(qualifiers.get(i))) {
                    return objects.get(i);
                }
            }
            return null;
        }
    }

    /** The qualifiers Baton's export relates an event to its stream with (exchange's OcelWriter). */
    private static final Set<String> STREAM_QUALIFIERS = Set.of("item", "request");

    EventLog read(InputStream in) {
        Map<String, String> objectTypes = new HashMap<>();
        List<OcelEvent> events = new ArrayList<>();
        boolean sawEvents = false;
        try (JsonParser json = JSON.createParser(in)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                fail(json, "expected an OCEL 2.0 JSON object, found " + json.currentToken());
            }
            while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = json.currentName();
                json.nextToken();
                switch (key) {
                    case "objects" -> eachElement(json, key, node -> {
                        String id = text(json, node, "id");
                        objectTypes.put(id, text(json, node, "type"));
                    });
                    case "events" -> {
                        sawEvents = true;
                        eachElement(json, key, node -> events.add(event(json, node)));
                    }
                    default -> json.skipChildren();
                }
            }
        } catch (JacksonException e) {
            TokenStreamLocation where = e.getLocation();
            throw new LogFormatException(file, where == null ? 0 : where.getLineNr(),
                    where == null ? 0 : where.getColumnNr(), JsonProblem.of(e).message());
        }
        if (!sawEvents) {
            throw new LogFormatException(file, 0, 0, "expected an OCEL 2.0 log with an \"events\" array, found none");
        }
        boolean baton = options.objectType() == null
                && events.stream().anyMatch(e -> e.attributes().containsKey(EventAttributes.TYPE));
        String type = baton ? "work item" : caseType(objectTypes, events);
        EventLogBuilder log = EventLog.builder(file);
        for (OcelEvent event : events) {
            if (!options.keepsKind(event.attributes().get(EventAttributes.KIND))) {
                continue;
            }
            if (baton) {
                String stream = event.stream();
                if (stream != null) {
                    add(log, log.caseIndex(stream), event);
                }
                continue;
            }
            for (String object : new LinkedHashSet<>(event.objects())) {
                if (type.equals(objectTypes.get(object))) {
                    add(log, log.caseIndex(object), event);
                }
            }
        }
        if (log.eventCount() == 0) {
            throw new LogFormatException(file, 0, 0, "expected events related to objects of type '" + type
                    + "', found none (types: " + String.join(", ", new LinkedHashSet<>(objectTypes.values())) + ")");
        }
        return log.build(true);
    }

    private static void add(EventLogBuilder log, int c, OcelEvent event) {
        log.event(c, event.type(), event.time(), event.resource());
        event.attributes().forEach(log::attribute);
        String workType = event.attributes().get(EventAttributes.WORK_TYPE);
        if (workType != null) {
            log.caseAttribute(c, JsonlReader.WORK_TYPE, workType);
        }
    }

    /** The object type to flatten on: the option, checked, or the one in the most events. */
    private String caseType(Map<String, String> objectTypes, List<OcelEvent> events) {
        Map<String, Integer> relations = new LinkedHashMap<>();
        new LinkedHashSet<>(objectTypes.values()).forEach(t -> relations.put(t, 0));
        for (OcelEvent event : events) {
            // an event counts once per type, however many objects of that type it touches
            Set<String> types = new LinkedHashSet<>();
            for (String object : event.objects()) {
                String type = objectTypes.get(object);
                if (type != null) {
                    types.add(type);
                }
            }
            types.forEach(type -> relations.merge(type, 1, Integer::sum));
        }
        if (options.objectType() != null) {
            if (!relations.containsKey(options.objectType())) {
                throw new LogFormatException(file, 0, 0, "expected an object type of the log (" + String.join(", ",
                        relations.keySet()) + "), found '" + options.objectType() + "'");
            }
            return options.objectType();
        }
        return relations.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow(() -> new LogFormatException(file, 0, 0,
                        "expected an \"objects\" array with typed objects, found none"));
    }

    private OcelEvent event(JsonParser json, JsonNode node) {
        String type = text(json, node, "type");
        String time = text(json, node, "time");
        long millis;
        try {
            millis = Timestamps.parse(time);
        } catch (IllegalArgumentException e) {
            fail(json, "event " + node.path("id").asString("") + ": " + e.getMessage());
            return null;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (JsonNode attribute : node.path("attributes")) {
            if (attribute.hasNonNull("name") && attribute.hasNonNull("value")) {
                attributes.put(attribute.get("name").asString(), attribute.get("value").asString());
            }
        }
        List<String> objects = new ArrayList<>();
        List<String> qualifiers = new ArrayList<>();
        for (JsonNode relation : node.path("relationships")) {
            if (relation.hasNonNull("objectId")) {
                objects.add(relation.get("objectId").asString());
                qualifiers.add(relation.path("qualifier").asString(""));
            }
        }
        return new OcelEvent(type, millis, attributes, objects, qualifiers);
    }

    private interface ElementHandler {
        void handle(JsonNode node);
    }

    private void eachElement(JsonParser json, String key, ElementHandler handler) {
        if (json.currentToken() != JsonToken.START_ARRAY) {
            fail(json, "expected \"" + key + "\" to be an array, found " + json.currentToken());
        }
        while (json.nextToken() != JsonToken.END_ARRAY) {
            if (json.currentToken() != JsonToken.START_OBJECT) {
                fail(json, "expected each of \"" + key + "\" to be an object, found " + json.currentToken());
            }
            JsonNode node = json.readValueAsTree();
            handler.handle(node);
        }
    }

    private String text(JsonParser json, JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isString()) {
            fail(json, "expected a text \"" + key + "\" in " + abbreviated(node) + ", found "
                    + (value == null ? "none" : value.toString()));
        }
        return value.asString();
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private void fail(JsonParser json, String problem) {
        TokenStreamLocation where = json.currentLocation();
        throw new LogFormatException(file, where.getLineNr(), where.getColumnNr(), problem);
    }
}
