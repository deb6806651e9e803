package dev.baton.engine.jsonl;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.intake.IntakeEvent;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Baton event as plain, flat attributes that XES, OCEL and CSV carry and that other tools read
 * (docs/event-log.md, "In other formats"): the envelope ({@code baton:kind}, {@code baton:type},
 * {@code baton:id}, {@code baton:version}, {@code baton:position}, {@code baton:workType},
 * {@code baton:modelVersion}, {@code baton:commandId}) and every payload component as its own
 * attribute named {@code baton:<component>}. A list component is numbered
 * ({@code baton:approvers[1]}, {@code baton:approvers[2]}); a map component has one attribute per
 * key ({@code baton:fields.budget}), a list value numbered in turn, and the keys it clears listed
 * as {@code baton:cleared.<component>[1]}. One rule for every writer and reader of those formats,
 * so that an exported history reads back as the same events, and no tool needs a JSON parser.
 */
public final class EventAttributes {

    public static final String PREFIX = "baton:";
    public static final String KIND = "baton:kind";
    public static final String TYPE = "baton:type";
    public static final String ID = "baton:id";
    public static final String VERSION = "baton:version";
    public static final String POSITION = "baton:position";
    public static final String WORK_TYPE = "baton:workType";
    public static final String MODEL_VERSION = "baton:modelVersion";
    public static final String COMMAND_ID = "baton:commandId";
    /** Where the item stands after the event: its stage and owner (written by exports, ignored on reading). */
    public static final String ITEM_STAGE = "baton:itemStage";
    public static final String ITEM_OWNER = "baton:itemOwner";
    /** The import batch that stored an event (absent for the engine's own events). */
    public static final String BATCH = "baton:importBatch";
    private static final String CLEARED = "baton:cleared.";

    /** The event kinds: what a tool filters on to keep only the stage changes ({@link #STAGE}). */
    public static final String STAGE = "stage";
    public static final String INTAKE = "intake";

    /** A map value that reads as a number comes back as one (field values are text, numbers or lists of text). */
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final EventCodec CODEC = new EventCodec();

    private EventAttributes() {
    }

    /**
     * The kind of an event: {@code stage} for the events that put an item in a stage (the
     * activities of the flow, {@link Activities}), {@code intake} for intake requests, else what
     * the event is about.
     */
    public static String kind(BatonEvent event) {
        if (Activities.stage(event) != null) {
            return STAGE;
        }
        if (event instanceof IntakeEvent) {
            return INTAKE;
        }
        if (event instanceof dev.baton.engine.learning.LearningEvent) {
            return "learning";
        }
        if (event instanceof dev.baton.engine.roadmap.RoadmapEvent) {
            return "roadmap";
        }
        return switch (event.type()) {
            case "ItemCompleted" -> "completion";
            case "ItemReopened" -> "reopening";
            case "ItemMigrated" -> "migration";
            case "OwnerAssigned" -> "ownership";
            case "FieldsUpdated" -> "fields";
            case "ApprovalRequested", "ApprovalGranted", "ApprovalDenied" -> "approval";
            case "HandoffSent", "HandoffAccepted", "HandoffRejected" -> "handoff";
            case "ItemBlocked", "ItemUnblocked" -> "block";
            case "CommentAdded" -> "comment";
            case "MarkedUrgent" -> "urgency";
            case "PriorityInputsSet" -> "priority";
            case "BatchImported", "ImportRetracted" -> "import";
            case "MeetingHeld" -> "meeting";
            case "DraftOffered", "DraftAccepted", "DraftDiscarded", "AssistantEnabled" -> "assist";
            case "ExperimentResultsRecorded" -> "experiment";
            default -> "other";
        };
    }

    /** Whether a stream is an intake request rather than a work item: its events are intake events. */
    public static boolean isIntake(BatonEvent event) {
        return event instanceof IntakeEvent;
    }

    /** The stable id of an event; engine events, which have none, are named by stream and version. */
    public static String id(RecordedEvent e) {
        return e.eventId() != null ? e.eventId() : PREFIX + e.stream() + ":" + e.version();
    }

    /**
     * The envelope and the payload as attributes, in a stable order. Values are String, Long,
     * Integer, Double or Boolean, so that a typed format (XES, OCEL) can write them typed.
     */
    public static Map<String, Object> of(RecordedEvent e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(KIND, kind(e.event()));
        out.put(TYPE, e.type());
        out.put(ID, id(e));
        out.put(VERSION, e.version());
        out.put(POSITION, e.position());
        if (e.workType() != null) {
            out.put(WORK_TYPE, e.workType());
        }
        out.put(MODEL_VERSION, e.modelVersion());
        if (e.commandId() != null) {
            out.put(COMMAND_ID, e.commandId());
        }
        if (e.batch() != null) {
            out.put(BATCH, e.batch());
        }
        out.putAll(payload(e.event()));
        return out;
    }

    /** The payload alone as attributes (see the class comment for lists and maps). */
    public static Map<String, Object> payload(BatonEvent event) {
        Map<String, Object> out = new LinkedHashMap<>();
        JsonNode data = CODEC.payload(event);
        for (var entry : data.properties()) {
            String key = PREFIX + entry.getKey();
            JsonNode value = entry.getValue();
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isArray()) {
                list(out, key, value);
            } else if (value.isObject()) {
                int cleared = 0;
                for (var field : value.properties()) {
                    JsonNode v = field.getValue();
                    String fieldKey = key + "." + field.getKey();
                    if (v == null || v.isNull()) {
                        out.put(CLEARED + entry.getKey() + "[" + (++cleared) + "]", field.getKey());
                    } else if (v.isArray()) {
                        list(out, fieldKey, v);
                    } else {
                        out.put(fieldKey, scalar(v));
                    }
                }
            } else {
                out.put(key, scalar(value));
            }
        }
        return out;
    }

    private static void list(Map<String, Object> out, String key, JsonNode array) {
        int i = 0;
        for (JsonNode element : array) {
            if (element != null && !element.isNull()) {
                out.put(key + "[" + (++i) + "]", scalar(element));
            }
        }
    }

    private static Object scalar(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }

    /** Whether attributes with these keys describe Baton events (they name the event type). */
    public static boolean describesEvents(java.util.Collection<String> keys) {
        return keys.contains(TYPE);
    }

    /**
     * The event the attributes describe, back in its envelope.
     *
     * @param attributes      the event's attributes as text (others than {@code baton:*} are ignored)
     * @param stream          its case (trace name, case column, item object)
     * @param defaultWorkType the work type when the event names none (the trace's)
     * @throws IllegalArgumentException with a sentence saying which attribute is wrong
     */
    public static RecordedEvent decode(Map<String, String> attributes, String stream, Instant at, String actor,
                                       String defaultWorkType) {
        String type = attributes.get(TYPE);
        if (type == null) {
            throw new IllegalArgumentException("expected a " + TYPE + " attribute, found none");
        }
        return decode(attributes, stream, at, actor, defaultWorkType, payload(type, attributes));
    }

    /** The envelope the attributes describe around a payload read otherwise (the JSON of older exports). */
    public static RecordedEvent decode(Map<String, String> attributes, String stream, Instant at, String actor,
                                       String defaultWorkType, BatonEvent payload) {
        long version = number(attributes, VERSION, 0);
        long position = number(attributes, POSITION, 0);
        String id = attributes.get(ID);
        if (id != null && id.equals(PREFIX + stream + ":" + version)) {
            id = null; // the name given to an engine event, which has no id of its own
        }
        String workType = attributes.getOrDefault(WORK_TYPE, defaultWorkType);
        int modelVersion = (int) number(attributes, MODEL_VERSION, 0);
        return new RecordedEvent(position, stream, version, at, actor, workType, modelVersion,
                attributes.get(COMMAND_ID), payload, id, attributes.get(BATCH));
    }

    /**
     * The payload of a type from its attributes.
     *
     * @throws IllegalArgumentException naming the type and what is wrong
     */
    public static BatonEvent payload(String type, Map<String, String> attributes) {
        Class<? extends BatonEvent> recordType = EventTypes.byName(type);
        if (recordType == null) {
            throw new IllegalArgumentException(TYPE + ": unknown event type '" + type + "'; known types: "
                    + String.join(", ", EventTypes.names()));
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        for (RecordComponent c : recordType.getRecordComponents()) {
            String key = PREFIX + c.getName();
            Class<?> raw = c.getType();
            if (List.class.isAssignableFrom(raw)) {
                data.set(c.getName(), listNode(attributes, key));
            } else if (Map.class.isAssignableFrom(raw)) {
                data.set(c.getName(), mapNode(attributes, c, key));
            } else {
                String value = attributes.get(key);
                if (value == null) {
                    continue;
                }
                if (raw == boolean.class || raw == Boolean.class) {
                    data.put(c.getName(), Boolean.parseBoolean(value));
                } else if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
                    data.put(c.getName(), numberValue(key, value));
                } else {
                    data.put(c.getName(), value);
                }
            }
        }
        try {
            return CODEC.payload(type, data);
        } catch (EventLogFormatException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^line 0: ", ""));
        }
    }

    private static ArrayNode listNode(Map<String, String> attributes, String key) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (int i = 1; attributes.containsKey(key + "[" + i + "]"); i++) {
            list.add(attributes.get(key + "[" + i + "]"));
        }
        return list;
    }

    private static ObjectNode mapNode(Map<String, String> attributes, RecordComponent c, String key) {
        boolean numbers = valueType(c) == Double.class;
        ObjectNode map = JsonNodeFactory.instance.objectNode();
        String prefix = key + ".";
        // keys in their order of first appearance; a numbered one ("tags[2]") belongs to a list value
        Map<String, TreeMap<Integer, String>> lists = new LinkedHashMap<>();
        for (var entry : attributes.entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                continue;
            }
            String field = entry.getKey().substring(prefix.length());
            int open = field.lastIndexOf('[');
            if (open > 0 && field.endsWith("]") && field.substring(open + 1, field.length() - 1).chars()
                    .allMatch(Character::isDigit) && open < field.length() - 2) {
                lists.computeIfAbsent(field.substring(0, open), k -> new TreeMap<>())
                        .put(Integer.parseInt(field.substring(open + 1, field.length() - 1)), entry.getValue());
                map.putNull(field.substring(0, open)); // keeps the key's place; filled below
            } else if (numbers || NUMBER.matcher(entry.getValue()).matches()) {
                map.put(field, numberValue(entry.getKey(), entry.getValue()));
            } else {
                map.put(field, entry.getValue());
            }
        }
        lists.forEach((field, values) -> {
            ArrayNode list = map.putArray(field);
            values.values().forEach(list::add);
        });
        for (int i = 1; attributes.containsKey(CLEARED + c.getName() + "[" + i + "]"); i++) {
            map.putNull(attributes.get(CLEARED + c.getName() + "[" + i + "]"));
        }
        return map;
    }

    private static Type valueType(RecordComponent c) {
        if (c.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments().length == 2) {
            return p.getActualTypeArguments()[1];
        }
        return Object.class;
    }

    private static double numberValue(String key, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected a number, found '" + value + "'");
        }
    }

    private static long number(Map<String, String> attributes, String key, long absent) {
        String value = attributes.get(key);
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected a whole number, found '" + value + "'");
        }
    }
}
