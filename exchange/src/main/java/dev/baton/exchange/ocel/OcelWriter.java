package dev.baton.exchange.ocel;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.intake.IntakeEvent.RequestAccepted;
import dev.baton.engine.intake.IntakeEvent.RequestSubmitted;
import dev.baton.engine.item.WorkItemEvent.HandoffSent;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.jsonl.EventAttributes;
import dev.baton.exchange.source.BatonPayloads;
import dev.baton.exchange.xes.XesWriter;
import java.io.Closeable;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes an OCEL 2.0 JSON log: the events stream out first, then the objects they touched —
 * work items ({@code work item}), intake requests ({@code intake request}), people
 * ({@code person}) and functions ({@code function}) — and the object and event types. An event
 * relates to its stream ({@code item} or {@code request}), its actor ({@code actor}) and, where
 * the payload names them, a new owner, the functions of a handoff, the request an item came from
 * or the item a request became. Events carry the plain {@link EventAttributes} ({@code baton:kind},
 * {@code baton:type}, {@code baton:to}, …) so that {@code baton import ocel} and
 * {@code baton analyze} give them back.
 */
public final class OcelWriter implements Closeable {

    static final String ITEM = XesWriter.ITEM;
    static final String REQUEST = XesWriter.REQUEST;
    /** The qualifiers of the relationship to an event's own stream: its case in a flattened log. */
    public static final String ITEM_QUALIFIER = "item";
    public static final String REQUEST_QUALIFIER = "request";
    static final String PERSON = "person";
    static final String FUNCTION = "function";
    private static final String EPOCH = "1970-01-01T00:00:00Z";

    private final JsonGenerator json;
    private final Function<String, String> functionOf;
    private final Map<String, String> itemWorkTypes = new LinkedHashMap<>();
    private final Map<String, String> itemTitles = new LinkedHashMap<>();
    private final Map<String, String> itemOwners = new LinkedHashMap<>();
    private final Map<String, String> requestWorkTypes = new LinkedHashMap<>();
    private final Map<String, String> requestTitles = new LinkedHashMap<>();
    private final Set<String> people = new LinkedHashSet<>();
    private final Set<String> functions = new LinkedHashSet<>();
    private final Map<String, Set<String>> eventTypes = new TreeMap<>();

    /** @param functionOf the function of a person id (from the model), or null when unknown */
    private final dev.baton.exchange.export.ItemStates states = new dev.baton.exchange.export.ItemStates();

    public OcelWriter(OutputStream out, Function<String, String> functionOf) {
        this.functionOf = functionOf;
        this.json = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8);
        json.writeStartObject();
        json.writeName("events");
        json.writeStartArray();
    }

    public void event(RecordedEvent e) {
        BatonEvent event = e.event();
        String activity = BatonPayloads.activity(event);
        Map<String, String> attributes = new LinkedHashMap<>();
        EventAttributes.of(e).forEach((name, value) -> attributes.put(name, String.valueOf(value)));
        states.after(e).forEach((name, value) -> attributes.put(name, String.valueOf(value)));
        eventTypes.computeIfAbsent(activity, k -> new LinkedHashSet<>()).addAll(attributes.keySet());
        boolean request = EventAttributes.isIntake(event);
        Map<String, String> workTypes = request ? requestWorkTypes : itemWorkTypes;
        workTypes.putIfAbsent(e.stream(), e.workType());
        if (e.workType() != null) {
            workTypes.put(e.stream(), e.workType());
        }
        json.writeStartObject();
        json.writeStringProperty("id", XesWriter.eventId(e));
        json.writeStringProperty("type", activity);
        json.writeStringProperty("time", e.at().toString());
        json.writeName("attributes");
        json.writeStartArray();
        attributes.forEach((name, value) -> {
            json.writeStartObject();
            json.writeStringProperty("name", name);
            json.writeStringProperty("value", value);
            json.writeEndObject();
        });
        json.writeEndArray();
        json.writeName("relationships");
        json.writeStartArray();
        relationship(e.stream(), request ? REQUEST_QUALIFIER : ITEM_QUALIFIER);
        person(e.actor(), "actor");
        if (event instanceof ItemCreated c) {
            if (c.title() != null) {
                itemTitles.put(e.stream(), c.title());
            }
            if (c.fromRequest() != null && !c.fromRequest().isBlank()) {
                relationship(c.fromRequest(), "from request");
                requestWorkTypes.putIfAbsent(c.fromRequest(), null); // an object even if its events are not in the log
            }
        }
        if (event instanceof RequestSubmitted r && r.title() != null) {
            requestTitles.put(e.stream(), r.title());
        }
        if (event instanceof RequestAccepted r && r.itemId() != null && !r.itemId().isBlank()) {
            relationship(r.itemId(), "became item");
            itemWorkTypes.putIfAbsent(r.itemId(), null);
        }
        if (event instanceof OwnerAssigned o && o.owner() != null) {
            itemOwners.put(e.stream(), o.owner());
            person(o.owner(), "owner");
        }
        if (event instanceof HandoffSent h) {
            function(h.fromFunction(), "from function");
            function(h.toFunction(), "to function");
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void person(String id, String qualifier) {
        if (id != null) {
            people.add(id);
            relationship(id, qualifier);
        }
    }

    private void function(String id, String qualifier) {
        if (id != null) {
            functions.add(id);
            relationship(id, qualifier);
        }
    }

    private void relationship(String objectId, String qualifier) {
        json.writeStartObject();
        json.writeStringProperty("objectId", objectId);
        json.writeStringProperty("qualifier", qualifier);
        json.writeEndObject();
    }

    @Override
    public void close() {
        json.writeEndArray();
        json.writeName("objects");
        json.writeStartArray();
        itemWorkTypes.forEach((item, workType) -> {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put(EventAttributes.WORK_TYPE, workType);
            attributes.put("baton:title", itemTitles.get(item));
            object(item, ITEM, attributes, itemOwners.get(item), "owner");
        });
        requestWorkTypes.forEach((request, workType) -> {
            if (itemWorkTypes.containsKey(request)) {
                return; // one object per id: a stream with item events is an item
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put(EventAttributes.WORK_TYPE, workType);
            attributes.put("baton:title", requestTitles.get(request));
            object(request, REQUEST, attributes, null, null);
        });
        Map<String, String> personFunctions = new LinkedHashMap<>();
        for (String person : people) {
            String function = functionOf == null ? null : functionOf.apply(person);
            personFunctions.put(person, function);
            if (function != null) {
                functions.add(function);
            }
        }
        personFunctions.forEach((person, function) -> object(person, PERSON, Map.of(), function, "works in"));
        for (String function : functions) {
            object(function, FUNCTION, Map.of(), null, null);
        }
        json.writeEndArray();
        json.writeName("objectTypes");
        json.writeStartArray();
        type(ITEM, List.of(EventAttributes.WORK_TYPE, "baton:title"));
        type(REQUEST, List.of(EventAttributes.WORK_TYPE, "baton:title"));
        type(PERSON, List.of());
        type(FUNCTION, List.of());
        json.writeEndArray();
        json.writeName("eventTypes");
        json.writeStartArray();
        eventTypes.forEach(this::type);
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }

    /** An object with its (static) attributes and at most one relationship. */
    private void object(String id, String type, Map<String, String> attributes, String relatedId, String qualifier) {
        json.writeStartObject();
        json.writeStringProperty("id", id);
        json.writeStringProperty("type", type);
        json.writeName("attributes");
        json.writeStartArray();
        attributes.forEach((name, value) -> {
            if (value != null) {
                json.writeStartObject();
                json.writeStringProperty("name", name);
                json.writeStringProperty("time", EPOCH);
                json.writeStringProperty("value", value);
                json.writeEndObject();
            }
        });
        json.writeEndArray();
        json.writeName("relationships");
        json.writeStartArray();
        if (relatedId != null) {
            relationship(relatedId, qualifier);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** An object or event type with its attributes, all written as text. */
    private void type(String name, java.util.Collection<String> attributes) {
        json.writeStartObject();
        json.writeStringProperty("name", name);
        json.writeName("attributes");
        json.writeStartArray();
        for (String a : attributes) {
            json.writeStartObject();
            json.writeStringProperty("name", a);
            json.writeStringProperty("type", "string");
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
