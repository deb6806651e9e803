package dev.baton.engine.jsonl;

import dev.baton.engine.assist.AssistEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.intake.IntakeEvent;
import dev.baton.engine.meeting.MeetingEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.ItemMigrated;
import dev.baton.engine.item.WorkItemEvent.ItemReopened;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each item stands after each of its events, for exports: the stage it is in and its owner
 * travel on every event ({@code baton:itemStage}, {@code baton:itemOwner}), so that a process-mining
 * tool sees them on an approval or a comment too, not only on the event that changed them.
 * Fed the log in its order.
 */
public final class ItemStates {

    private record State(String stage, String owner) {
    }

    private final Map<String, State> states = new HashMap<>();

    /** The item's stage and owner once this event has happened, as attributes (none for intake requests, meetings and drafts). */
    public Map<String, Object> after(RecordedEvent e) {
        if (e.event() instanceof IntakeEvent || e.event() instanceof MeetingEvent || e.event() instanceof AssistEvent
                || e.event() instanceof dev.baton.engine.learning.LearningEvent
                || e.event() instanceof dev.baton.engine.roadmap.RoadmapEvent) {
            return Map.of();
        }
        State before = states.getOrDefault(e.stream(), new State(null, null));
        String stage = before.stage();
        String owner = before.owner();
        Object event = e.event();
        if (event instanceof ItemCreated c) {
            stage = c.stage();
        } else if (event instanceof StageEntered s) {
            stage = s.to();
        } else if (event instanceof ItemReopened r && r.stage() != null) {
            stage = r.stage();
        } else if (event instanceof OwnerAssigned o) {
            owner = o.owner() == null || o.owner().isBlank() ? null : o.owner();
        } else if (event instanceof ItemMigrated m && m.toStage() != null) {
            stage = m.toStage();
        }
        State now = new State(stage, owner);
        if (!now.equals(before)) {
            states.put(e.stream(), now);
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (stage != null) {
            attributes.put(EventAttributes.ITEM_STAGE, stage);
        }
        if (owner != null) {
            attributes.put(EventAttributes.ITEM_OWNER, owner);
        }
        return attributes;
    }
}
