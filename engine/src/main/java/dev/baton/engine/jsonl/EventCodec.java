package dev.baton.engine.jsonl;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@link RecordedEvent} as one line of JSON, in the layout of docs/event-log.md: the envelope
 * (id, batch, position, stream, version, at, actor, workType, modelVersion, commandId, type) and the
 * payload's record components under {@code data}. Readers ignore keys they do not know.
 * Thread-safe.
 */
public final class EventCodec {

    /** How many distinct strings an interning codec keeps at most: a log's item ids, people and work types. */
    private static final int MAX_INTERNED = 1 << 18;

    // Trailing tokens are checked by decode itself: the payload is read in the middle of a line.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** A reader per payload record type, looked up once rather than per line. */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return JSON.readerFor(type);
        }
    };

    /** One copy of each repeated envelope string, or null when this codec does not keep them. */
    private final Map<String, String> interned;

    public EventCodec() {
        this.interned = null;
    }

    private EventCodec(Map<String, String> interned) {
        this.interned = interned;
    }

    /**
     * A codec for reading one log: the item ids, actors and work types of its events come out as
     * one shared string each rather than a fresh copy per line, so the hash codes the analysis
     * looks them up by are computed once (and the copies need no memory). Keeps at most
     * {@value #MAX_INTERNED} strings; let it go with the log.
     */
    public static EventCodec interning() {
        return new EventCodec(new ConcurrentHashMap<>());
    }

    private String intern(String text) {
        if (text == null || interned == null) {
            return text;
        }
        String known = interned.get(text);
        if (known != null) {
            return known;
        }
        if (interned.size() >= MAX_INTERNED) {
            return text;
        }
        known = interned.putIfAbsent(text, text);
        return known == null ? text : known;
    }

    /**
     * The event as one line of JSON, without a line break: the same text as {@link #toJson}
     * written out, but streamed without building a tree first (imports encode millions of events).
     */
    public String encode(RecordedEvent event) {
        java.io.StringWriter text = new java.io.StringWriter(256);
        try (tools.jackson.core.JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            if (event.eventId() != null) {
                g.writeStringProperty("id", event.eventId());
            }
            if (event.batch() != null) {
                g.writeStringProperty("batch", event.batch());
            }
            g.writeNumberProperty("position", event.position());
            g.writeStringProperty("stream", event.stream());
            g.writeNumberProperty("version", event.version());
            g.writeStringProperty("at", event.at().toString());
            g.writeStringProperty("actor", event.actor());
            g.writeStringProperty("workType", event.workType());
            g.writeNumberProperty("modelVersion", event.modelVersion());
            g.writeStringProperty("commandId", event.commandId());
            g.writeStringProperty("type", event.type());
            g.writePOJOProperty("data", event.event());
            g.writeEndObject();
        }
        return text.toString();
    }

    /** The event as a JSON object, for stores that keep the payload in a JSON column: {@link #encode} parsed. */
    public ObjectNode toJson(RecordedEvent event) {
        return (ObjectNode) JSON.readTree(encode(event));
    }

    /** The payload alone: the record's components by name, nulls included. */
    public JsonNode payload(BatonEvent event) {
        return JSON.valueToTree(event);
    }

    /** The payload alone as JSON text, for a JSON column; written straight, without a tree in between. */
    public String payloadJson(BatonEvent event) {
        return JSON.writeValueAsString(event);
    }

    /** The payload of a stored type back as its record. */
    public BatonEvent payload(String type, JsonNode data) {
        return payload(type, data, 0);
    }

    /** Decodes one line; {@code lineNumber} (1-based, 0 when unknown) goes into error messages. */
    public RecordedEvent decode(String line, long lineNumber) {
        // Streamed token by token straight into the records (no tree of the line, no second pass
        // over the payload): reading logs of millions of events is mostly this method. The checks
        // run after the line is read, in the order a reader of the line would expect: the type and
        // its payload first, then the envelope.
        Envelope envelope = new Envelope();
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new EventLogFormatException(lineNumber, "expected a JSON object with an event");
            }
            for (String key = parser.nextName(); key != null; key = parser.nextName()) {
                JsonToken token = parser.nextToken();
                switch (key) {
                    case "data" -> envelope.data(parser, token, lineNumber);
                    case "type" -> {
                        envelope.type = value(parser, token);
                        envelope.recordType = envelope.type instanceof String type ? EventTypes.byName(type) : null;
                    }
                    case "position", "stream", "version", "at", "actor", "workType", "modelVersion", "commandId", "id", "batch" ->
                            envelope.put(key, value(parser, token));
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new EventLogFormatException(lineNumber, "not JSON: trailing text after the event object");
            }
        } catch (StreamReadException e) {
            throw new EventLogFormatException(lineNumber, "not JSON: " + e.getOriginalMessage());
        }
        return envelope.event(this, lineNumber);
    }

    public RecordedEvent decode(String line) {
        return decode(line, 0);
    }

    private static BatonEvent payload(String type, JsonNode data, long lineNumber) {
        Class<? extends BatonEvent> recordType = EventTypes.byName(type);
        if (recordType == null) {
            throw new EventLogFormatException(lineNumber, "unknown event type '" + type + "'; known types: "
                    + String.join(", ", EventTypes.names()));
        }
        if (data == null || !data.isObject()) {
            throw new EventLogFormatException(lineNumber, "'data' of a " + type + " event must be a JSON object");
        }
        try {
            return JSON.treeToValue(data, recordType);
        } catch (JacksonException e) {
            throw new EventLogFormatException(lineNumber, "'data' is not a valid " + type + ": "
                    + e.getOriginalMessage());
        }
    }

    /**
     * An envelope value as read: a String, a Long, or (rarely: null, other numbers, objects) the
     * value's tree, kept so that the error can show what was found.
     */
    private static Object value(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        return JSON.readTree(parser);
    }

    /** The keys of one line as read, checked and assembled once the whole line is read. */
    private static final class Envelope {
        private Object type;
        private Class<? extends BatonEvent> recordType;
        private BatonEvent event;
        private JsonNode dataTree;
        private boolean dataPresent;
        private Object position;
        private Object stream;
        private Object version;
        private Object at;
        private Object actor;
        private Object workType;
        private Object modelVersion;
        private boolean modelVersionPresent;
        private Object commandId;
        private Object id;
        private Object batch;

        void put(String key, Object value) {
            switch (key) {
                case "position" -> position = value;
                case "stream" -> stream = value;
                case "version" -> version = value;
                case "at" -> at = value;
                case "actor" -> actor = value;
                case "workType" -> workType = value;
                case "modelVersion" -> {
                    modelVersion = value;
                    modelVersionPresent = true;
                }
                case "commandId" -> commandId = value;
                case "batch" -> batch = value;
                default -> id = value;
            }
        }

        /**
         * The payload: decoded where it stands when the type came before it (as every writer of
         * the format puts it), otherwise kept as a tree until the type is known.
         */
        void data(JsonParser parser, JsonToken token, long lineNumber) {
            dataPresent = true;
            event = null;
            dataTree = null;
            if (recordType == null || token != JsonToken.START_OBJECT) {
                dataTree = JSON.readTree(parser);
                return;
            }
            try {
                event = READERS.get(recordType).readValue(parser);
            } catch (StreamReadException e) {
                throw e;
            } catch (JacksonException e) {
                throw new EventLogFormatException(lineNumber, "'data' is not a valid " + type + ": "
                        + e.getOriginalMessage());
            }
        }

        RecordedEvent event(EventCodec codec, long lineNumber) {
            String typeName = text(type, "type", true, lineNumber);
            BatonEvent payload;
            if (event != null) {
                payload = event;
            } else {
                payload = payload(typeName, dataPresent ? dataTree : null, lineNumber);
            }
            return new RecordedEvent(
                    number(position, "position", lineNumber),
                    codec.intern(text(stream, "stream", true, lineNumber)),
                    number(version, "version", lineNumber),
                    instant(text(at, "at", true, lineNumber), lineNumber),
                    codec.intern(text(actor, "actor", true, lineNumber)),
                    codec.intern(text(workType, "workType", false, lineNumber)),
                    modelVersionPresent ? (int) number(modelVersion, "modelVersion", lineNumber) : 0,
                    text(commandId, "commandId", false, lineNumber),
                    payload,
                    text(id, "id", false, lineNumber),
                    text(batch, "batch", false, lineNumber));
        }
    }

    private static String text(Object value, String key, boolean required, long lineNumber) {
        if (value instanceof String text) {
            return text;
        }
        if (value == null || ((JsonNode) value).isNull()) {
            if (required) {
                throw new EventLogFormatException(lineNumber, "missing '" + key + "'");
            }
            return null;
        }
        throw new EventLogFormatException(lineNumber, "'" + key + "' must be a string, found " + value);
    }

    private static long number(Object value, String key, long lineNumber) {
        if (value instanceof Long number) {
            return number;
        }
        if (value instanceof JsonNode node && node.isIntegralNumber()) {
            return node.asLong();
        }
        throw new EventLogFormatException(lineNumber, "'" + key + "' must be a whole number"
                + (value == null ? ", but is missing" : ", found " + value));
    }

    /** An instant: the log's own form (2026-03-02T09:15:00Z) read by hand, any other ISO-8601 one by the JDK. */
    private static Instant instant(String at, long lineNumber) {
        Instant fast = Timestamps.utcSeconds(at);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new EventLogFormatException(lineNumber, "'at' must be an ISO-8601 instant such as "
                    + "2026-03-02T09:15:00Z, found '" + at + "'");
        }
    }
}
