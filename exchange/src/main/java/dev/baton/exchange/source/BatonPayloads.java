package dev.baton.exchange.source;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
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
     * {@code ItemCreated} and {@code StageEntered}, else the event type.
     */
    public static String activity(BatonEvent event) {
        if (event instanceof ItemCreated c && c.stage() != null) {
            return c.stage();
        }
        if (event instanceof StageEntered s && s.to() != null) {
            return s.to();
        }
        return event.type();
    }

    /** Whether the event moves the item through its stages (the activities of the flow). */
    public static boolean isStageEvent(BatonEvent event) {
        return event instanceof ItemCreated || event instanceof StageEntered;
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
