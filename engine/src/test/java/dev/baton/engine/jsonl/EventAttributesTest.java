package dev.baton.engine.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.intake.IntakeEvent;
import dev.baton.engine.item.WorkItemEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventAttributesTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:15:00Z");

    private static Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("budget", 1200.5);
        fields.put("channel", "email");
        fields.put("tags", List.of("q1", "launch"));
        fields.put("code", "007x");
        fields.put("gone", null);
        return fields;
    }

    /** One event of every type, with lists, maps, nulls and a value that only looks like text. */
    private static List<BatonEvent> everyType() {
        List<BatonEvent> events = new java.util.ArrayList<>(List.of(
                new WorkItemEvent.ItemCreated("Spring launch", "brief", fields(), "item-1", "req-4"),
                new WorkItemEvent.FieldsUpdated(fields()),
                new WorkItemEvent.OwnerAssigned("maya", null),
                new WorkItemEvent.StageEntered("brief", "build", true),
                new WorkItemEvent.ApprovalRequested("review", List.of("legal", "brand")),
                new WorkItemEvent.ApprovalGranted("review", "legal", "ok, ship it"),
                new WorkItemEvent.ApprovalDenied("review", "brand", null),
                new WorkItemEvent.HandoffSent("marketing", "sales", "build", "sell", Map.of("deck", "url")),
                new WorkItemEvent.HandoffAccepted("build", "sell"),
                new WorkItemEvent.HandoffRejected("build", "sell", "no deck"),
                new WorkItemEvent.ItemBlocked("waiting"), new WorkItemEvent.ItemUnblocked("done"),
                new WorkItemEvent.CommentAdded("a, b; \"c\""), new WorkItemEvent.MarkedUrgent("CEO"),
                new WorkItemEvent.PriorityInputsSet(Map.of("reach", 3.0, "impact", 2.0)),
                new WorkItemEvent.ItemCompleted("live"), new WorkItemEvent.ItemReopened("build", "typo"),
                new WorkItemEvent.ItemMigrated(1, 2, "qa", "live"),
                new WorkItemEvent.ExperimentResultsRecorded("u1", "units", "results.csv",
                        Map.of("arms", List.of("control", "treatment"), "alpha", 0.05), "2 arms, 22 units"),
                new IntakeEvent.RequestSubmitted("brief-form", "New brief", Map.of("audience", "smb")),
                new IntakeEvent.RequestAccepted("item-9", "fits"), new IntakeEvent.RequestDeclined("no"),
                new IntakeEvent.RequestDeferred("2026-04-01", "later"),
                new dev.baton.engine.batch.BatchEvent.BatchImported("b1c2d3e4f5a6", "jira-json", "export.json", 118, 25, 25,
                        2, "Northwind", "2015-11-21T12:03:02Z", "2016-03-29T10:00:00Z"),
                new dev.baton.engine.batch.BatchEvent.ImportRetracted("b1c2d3e4f5a6", 118),
                new dev.baton.engine.assist.AssistEvent.DraftOffered("d-1", "brief-draft", "req-4", "offline",
                        Map.of("segment", "CFOs", "budget", 20000.0), List.of("reach"), null),
                new dev.baton.engine.assist.AssistEvent.DraftAccepted("d-1", "brief-draft", Map.of("segment", "CFOs"), 0.25),
                new dev.baton.engine.assist.AssistEvent.DraftDiscarded("d-2", "brief-draft", "off target"),
                new dev.baton.engine.assist.AssistEvent.AssistantEnabled("brief-draft", "pilot with the demand team"),
                new dev.baton.engine.roadmap.RoadmapEvent.RoadmapPublished("2027-Q1..2027-Q4", Map.of("ebook", "2027-Q2"),
                        Map.of("ebook", 40.0, "podcast", 15.0),
                        40, "ab12", "approver of Prioritization of Marketing initiative"),
                new dev.baton.engine.meeting.MeetingEvent.MeetingHeld("status-sync-001@example.com", "Campaign status sync",
                        "Agenda: post-1", "2026-03-16T10:00:00Z", false, true, java.util.List.of("maya", "sam"),
                        java.util.List.of("lee"), java.util.List.of("maya.ics", "sam.ics"))));
        events.addAll(EventCodecTest.learningEvents());
        return events;
    }

    @Test
    void everyEventTypeComesBackFromItsAttributesAsText() {
        assertThat(everyType().stream().map(BatonEvent::type).collect(Collectors.toSet()))
                .isEqualTo(EventTypes.names());
        long position = 0;
        for (BatonEvent event : everyType()) {
            RecordedEvent recorded = new RecordedEvent(++position, "item-7", position, AT, "maya", "campaign", 2,
                    "cmd-" + position, event, position % 2 == 0 ? "jira:" + position : null,
                    position % 2 == 0 ? "b1c2d3e4f5a6" : null);
            Map<String, String> text = new HashMap<>();
            EventAttributes.of(recorded).forEach((k, v) -> text.put(k, String.valueOf(v)));
            RecordedEvent back = EventAttributes.decode(text, "item-7", AT, "maya", null);
            assertThat(back).as(event.type()).isEqualTo(recorded);
        }
    }

    @Test
    void payloadFieldsAreEachTheirOwnPlainAttribute() {
        Map<String, Object> created = EventAttributes.payload(everyType().get(0));
        assertThat(created).containsEntry("baton:stage", "brief").containsEntry("baton:fields.budget", 1200.5)
                .containsEntry("baton:fields.tags[2]", "launch").containsEntry("baton:cleared.fields[1]", "gone");
        assertThat(EventAttributes.payload(new WorkItemEvent.ApprovalRequested("review", List.of("legal"))))
                .containsEntry("baton:approvers[1]", "legal");
        assertThat(EventAttributes.payload(new WorkItemEvent.StageEntered("a", "b", false)))
                .containsEntry("baton:to", "b").containsEntry("baton:rework", false);
    }

    @Test
    void kindsSeparateStageChangesFromEverythingElse() {
        Set<String> stageTypes = everyType().stream().filter(e -> EventAttributes.kind(e).equals("stage"))
                .map(BatonEvent::type).collect(Collectors.toSet());
        assertThat(stageTypes).containsExactlyInAnyOrder("ItemCreated", "StageEntered");
        assertThat(everyType().stream().map(EventAttributes::kind)).doesNotContain("other");
    }

    @Test
    void aWrongAttributeIsNamed() {
        assertThatThrownBy(() -> EventAttributes.decode(Map.of("baton:type", "Nope"), "s", AT, "a", null))
                .hasMessageContaining("unknown event type 'Nope'");
        assertThatThrownBy(() -> EventAttributes.decode(Map.of("baton:type", "ItemCompleted", "baton:version", "x"),
                "s", AT, "a", null)).hasMessageContaining("baton:version: expected a whole number, found 'x'");
    }
}
