package dev.baton.engine.jsonl;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@link RecordedEvent} as one line of JSON, in the layout of docs/event-log.md: the envelope
 * (id, position, stream, version, at, actor, workType, modelVersion, commandId, type) and the
 * payload's record components under {@code data}. Readers ignore keys they do not know.
 * Thread-safe.
 */
public final class EventCodec {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

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
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new EventLogFormatException(lineNumber, "not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new EventLogFormatException(lineNumber, "expected a JSON object with an event");
        }
        return fromJson(node, lineNumber);
    }

    public RecordedEvent decode(String line) {
        return decode(line, 0);
    }

    /** An event from its JSON object (as {@link #toJson} writes it). */
    private RecordedEvent fromJson(JsonNode node, long lineNumber) {
        String type = text(node, "type", true, lineNumber);
        BatonEvent event = payload(type, node.get("data"), lineNumber);
        return new RecordedEvent(
                number(node, "position", lineNumber),
                text(node, "stream", true, lineNumber),
                number(node, "version", lineNumber),
                instant(node, lineNumber),
                text(node, "actor", true, lineNumber),
                text(node, "workType", false, lineNumber),
                node.has("modelVersion") ? (int) number(node, "modelVersion", lineNumber) : 0,
                text(node, "commandId", false, lineNumber),
                event,
                text(node, "id", false, lineNumber));
    }

    private BatonEvent payload(String type, JsonNode data, long lineNumber) {
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

    private static String text(JsonNode node, String key, boolean required, long lineNumber) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                throw new EventLogFormatException(lineNumber, "missing '" + key + "'");
            }
            return null;
        }
        if (!value.isString()) {
            throw new EventLogFormatException(lineNumber, "'" + key + "' must be a string, found " + value);
        }
        return value.asString();
    }

    private static long number(JsonNode node, String key, long lineNumber) {
        JsonNode value = node.get(key);
        if (value == null || !value.isIntegralNumber()) {
            throw new EventLogFormatException(lineNumber, "'" + key + "' must be a whole number"
                    + (value == null ? ", but is missing" : ", found " + value));
        }
        return value.asLong();
    }

    private static Instant instant(JsonNode node, long lineNumber) {
        String at = text(node, "at", true, lineNumber);
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new EventLogFormatException(lineNumber, "'at' must be an ISO-8601 instant such as "
                    + "2026-03-02T09:15:00Z, found '" + at + "'");
        }
    }
}
