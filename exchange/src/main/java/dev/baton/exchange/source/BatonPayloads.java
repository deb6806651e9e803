package dev.baton.exchange.source;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.jsonl.Activities;
import dev.baton.engine.jsonl.EventCodec;
import dev.baton.engine.jsonl.EventLogFormatException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Baton events inside other formats: the activity a process-mining tool sees, and the payload as
 * compact JSON (through the log's own {@link EventCodec}) so that an export read back gives the
 * same event.
 */
public final class BatonPayloads {

    private static final EventCodec CODEC = new EventCodec();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BatonPayloads() {
    }

    /**
     * The activity of an event, as docs/event-log.md defines it: the stage entered for
     * {@code ItemCreated} and {@code StageEntered} ({@link Activities}), else the event type.
     */
    public static String activity(BatonEvent event) {
        String stage = Activities.stage(event);
        return stage != null ? stage : event.type();
    }

    /** The payload as one line of JSON: the record's components by name. */
    public static String json(BatonEvent event) {
        return CODEC.payloadJson(event);
    }

    /**
     * The event of a stored type from its JSON payload.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static BatonEvent event(String type, String json) {
        JsonNode data;
        try {
            data = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the payload of a " + type + " event is not JSON: " + e.getOriginalMessage());
        }
        try {
            return CODEC.payload(type, data);
        } catch (EventLogFormatException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
