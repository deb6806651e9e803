package dev.baton.engine.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.batch.BatchEvent;
import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.intake.IntakeEvent;
import dev.baton.engine.item.WorkItemEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    /** One example of every event type, so a new type without a round trip fails here. */
    static List<BatonEvent> everyType() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("goal", "Pipeline for Q3");
        fields.put("budget", 12500.5);
        fields.put("channels", List.of("email", "paid-social"));
        fields.put("cleared", null);
        List<BatonEvent> events = new java.util.ArrayList<>(List.of(
                new WorkItemEvent.ItemCreated("Spring launch", "brief", fields, "item-1", "req-3"),
                new WorkItemEvent.FieldsUpdated(Map.of("goal", "Pipeline")),
                new WorkItemEvent.OwnerAssigned("maya", null),
                new WorkItemEvent.StageEntered("review", "build", true),
                new WorkItemEvent.ApprovalRequested("legal-review", List.of("legal")),
                new WorkItemEvent.ApprovalGranted("legal-review", "legal", "fine"),
                new WorkItemEvent.ApprovalDenied("legal-review", "legal", "claims unsupported"),
                new WorkItemEvent.HandoffSent("pmm", "content", "brief", "build", Map.of("goal", "x")),
                new WorkItemEvent.HandoffAccepted("brief", "build"),
                new WorkItemEvent.HandoffRejected("brief", "build", "no audience"),
                new WorkItemEvent.ItemBlocked("waiting for data"),
                new WorkItemEvent.ItemUnblocked("data arrived"),
                new WorkItemEvent.CommentAdded("Looks good"),
                new WorkItemEvent.ExperimentResultsRecorded("u1", "units", "results.csv",
                        Map.of("arms", List.of("control", "treatment"), "alpha", 0.05), "2 arms, 22 units"),
                new WorkItemEvent.MarkedUrgent("CEO ask"),
                new WorkItemEvent.PriorityInputsSet(Map.of("reach", 1000.0, "impact", 2.0)),
                new WorkItemEvent.ItemCompleted("launched"),
                new WorkItemEvent.ItemReopened("build", "typo"),
                new WorkItemEvent.ItemMigrated(1, 2, "qa", "live"),
                new IntakeEvent.RequestSubmitted("campaign-request", "Webinar", Map.of("audience", "CFOs")),
                new IntakeEvent.RequestAccepted("item-9", "fits the plan"),
                new IntakeEvent.RequestDeclined("no capacity"),
                new IntakeEvent.RequestDeferred("2026-04-01", "after launch"),
                new BatchEvent.BatchImported("a41f9c03d2e7", "jira-json", "export.json", 16, 2, 2, 3, "B2B SaaS",
                        "2015-03-02T09:15:00Z", "2016-05-02T10:00:00Z"),
                new BatchEvent.ImportRetracted("a41f9c03d2e7", 16),
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

    /** One example of every learning event, shared with {@link EventAttributesTest}. */
    static List<BatonEvent> learningEvents() {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("kind", "declare-handoff");
        change.put("workType", "campaign");
        change.put("requires", List.of("segment", "budget"));
        return List.of(new dev.baton.engine.learning.LearningEvent.PostMortemWritten("item-7", "Spring webinars",
                        List.of("Finished 3 days after its end date"), "Clear brief", "Start legal review earlier"),
                new dev.baton.engine.learning.LearningEvent.InsightRecorded("Legal needs a week", "Reviews waited 6 days",
                        List.of("messaging", "content"), "post-mortem", "item-7"),
                new dev.baton.engine.learning.LearningEvent.FollowUpCreated("item-9", "asset", "Legal checklist"),
                new dev.baton.engine.learning.LearningEvent.ModelChangeProposed("insight-1", change, 3,
                        "Campaign › build: SLA 3d added"),
                new dev.baton.engine.learning.LearningEvent.ModelChangeAccepted("insight-1", 4, 3, false),
                new dev.baton.engine.learning.LearningEvent.ModelChangeDeclined("insight-1", "Not now"));
    }

    @Test
    void everyEventTypeSurvivesARoundTrip() {
        List<BatonEvent> events = everyType();
        assertThat(events).extracting(BatonEvent::type).containsExactlyInAnyOrderElementsOf(EventTypes.names());
        long position = 0;
        for (BatonEvent payload : events) {
            position++;
            RecordedEvent event = new RecordedEvent(position, "item-7", position, Instant.parse("2026-03-02T09:15:00Z"),
                    "maya", "campaign", 2, "cmd-" + position, payload, position % 2 == 0 ? "jira:1:" + position : null,
                    position % 3 == 0 ? "b" + position : null);
            String line = codec.encode(event);
            assertThat(line).doesNotContain("\n");
            assertThat(codec.decode(line)).isEqualTo(event);
            assertThat(codec.payloadJson(payload)).isEqualTo(codec.payload(payload).toString());
            assertThat(codec.payload(payload.type(), codec.payload(payload))).isEqualTo(payload);
        }
    }

    @Test
    void writesTheLayoutOfTheDocs() {
        RecordedEvent event = new RecordedEvent(3, "item-7", 2, Instant.parse("2026-03-02T09:15:00Z"), "maya",
                "campaign", 1, null, new WorkItemEvent.StageEntered("brief", "build", false),
                "jira:10001:changelog:5001:0");
        assertThat(codec.encode(event)).isEqualTo("{\"id\":\"jira:10001:changelog:5001:0\",\"position\":3,"
                + "\"stream\":\"item-7\",\"version\":2,\"at\":\"2026-03-02T09:15:00Z\",\"actor\":\"maya\","
                + "\"workType\":\"campaign\",\"modelVersion\":1,\"commandId\":null,\"type\":\"StageEntered\","
                + "\"data\":{\"from\":\"brief\",\"to\":\"build\",\"rework\":false}}");
    }

    @Test
    void anImportedEventCarriesItsBatchAfterItsId() {
        RecordedEvent event = new RecordedEvent(3, "MKT-1", 1, Instant.parse("2015-03-02T09:15:00Z"), "maya",
                "campaign", 0, null, new WorkItemEvent.CommentAdded("hi"), "jira:10001:comment:1", "a41f9c03d2e7");
        String line = codec.encode(event);
        assertThat(line).startsWith("{\"id\":\"jira:10001:comment:1\",\"batch\":\"a41f9c03d2e7\",\"position\":3,");
        assertThat(codec.decode(line).batch()).isEqualTo("a41f9c03d2e7");
        // A line of a log from before batches has none.
        assertThat(codec.decode(line.replace("\"batch\":\"a41f9c03d2e7\",", "")).batch()).isNull();
    }

    @Test
    void ignoresKeysItDoesNotKnowAndDefaultsOptionalOnes() {
        RecordedEvent event = codec.decode("{\"position\":1,\"stream\":\"s\",\"version\":1,\"at\":\"2026-01-01T00:00:00Z\","
                + "\"actor\":\"a\",\"type\":\"CommentAdded\",\"data\":{\"text\":\"hi\"},\"future\":[1,2]}");
        assertThat(event.event()).isEqualTo(new WorkItemEvent.CommentAdded("hi"));
        assertThat(event.workType()).isNull();
        assertThat(event.modelVersion()).isZero();
        assertThat(event.eventId()).isNull();
    }

    @Test
    void explainsWhatIsWrongAndWhere() {
        String ok = "\"position\":1,\"stream\":\"s\",\"version\":1,\"actor\":\"a\",";
        assertThatThrownBy(() -> codec.decode("{not json", 7)).hasMessageStartingWith("line 7: not JSON");
        assertThatThrownBy(() -> codec.decode("[1]", 2)).hasMessage("line 2: expected a JSON object with an event");
        assertThatThrownBy(() -> codec.decode("{" + ok + "\"at\":\"2026-01-01T00:00:00Z\",\"type\":\"Teleported\",\"data\":{}}", 3))
                .hasMessageStartingWith("line 3: unknown event type 'Teleported'; known types: ApprovalDenied, ApprovalGranted");
        assertThatThrownBy(() -> codec.decode("{" + ok + "\"at\":\"yesterday\",\"type\":\"CommentAdded\",\"data\":{}}", 4))
                .hasMessageContaining("line 4: 'at' must be an ISO-8601 instant");
        assertThatThrownBy(() -> codec.decode("{\"stream\":\"s\",\"version\":1,\"actor\":\"a\",\"at\":\"2026-01-01T00:00:00Z\","
                + "\"type\":\"CommentAdded\",\"data\":{}}", 5)).hasMessage("line 5: 'position' must be a whole number, but is missing");
        assertThatThrownBy(() -> codec.decode("{" + ok + "\"at\":\"2026-01-01T00:00:00Z\",\"type\":\"StageEntered\","
                + "\"data\":{\"rework\":\"maybe\"}}", 6)).hasMessageStartingWith("line 6: 'data' is not a valid StageEntered");
        assertThatThrownBy(() -> codec.decode("{" + ok + "\"at\":\"2026-01-01T00:00:00Z\",\"type\":\"CommentAdded\"}", 8))
                .hasMessage("line 8: 'data' of a CommentAdded event must be a JSON object");
    }

    @Test
    void aFileStreamsBackWithLineNumbersInErrors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("log.jsonl");
        List<RecordedEvent> written = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            written.add(new RecordedEvent(i, "item-" + i, 1, Instant.parse("2026-03-02T09:15:00Z").plusSeconds(i), "maya",
                    "campaign", 1, null, new WorkItemEvent.ItemCreated("t" + i, "brief", Map.of(), null, null)));
        }
        EventLogJsonl.write(file, written.subList(0, 2));
        try (EventLogJsonl.Writer writer = EventLogJsonl.Writer.append(file)) {
            writer.write(written.get(2));
        }
        assertThat(EventLogJsonl.readAll(file)).isEqualTo(written);

        Files.writeString(file, "\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(file, "{\"truncated\":", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> EventLogJsonl.readAll(file)).isInstanceOf(EventLogFormatException.class)
                .hasMessageStartingWith("line 5: not JSON");
    }

    @Test
    void anInterningCodecDecodesTheSameEventsAndSharesTheirRepeatedStrings() {
        EventCodec interning = EventCodec.interning();
        String line = "{\"position\":1,\"stream\":\"item-7\",\"version\":1,\"at\":\"2026-01-01T00:00:00Z\","
                + "\"actor\":\"maya\",\"workType\":\"campaign\",\"type\":\"CommentAdded\",\"data\":{\"text\":\"hi\"}}";
        RecordedEvent first = interning.decode(line, 1);
        RecordedEvent second = interning.decode(new String(line.toCharArray()), 2);
        assertThat(first).isEqualTo(codec.decode(line)).isEqualTo(second);
        assertThat(second.stream()).isSameAs(first.stream());
        assertThat(second.actor()).isSameAs(first.actor());
        assertThat(second.workType()).isSameAs(first.workType());
    }

    @Test
    void readsThePayloadWhereverItStandsInTheLine() {
        String typeLast = "{\"data\":{\"from\":\"brief\",\"to\":\"build\",\"rework\":true},\"position\":3,\"stream\":\"s\","
                + "\"version\":2,\"at\":\"2026-01-01T10:00:00Z\",\"actor\":\"a\",\"type\":\"StageEntered\"}";
        assertThat(codec.decode(typeLast).event()).isEqualTo(new WorkItemEvent.StageEntered("brief", "build", true));
        assertThatThrownBy(() -> codec.decode("{\"position\":1} {}", 9)).hasMessageStartingWith("line 9: not JSON");
    }

    @Test
    void readsInstantsInEveryIsoFormTheJdkReads() {
        for (String at : List.of("2026-03-02T09:15:00Z", "2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z",
                "2026-03-02T09:15:00.250Z", "2026-03-02T09:15:00+01:00", "0001-12-31T00:00:00Z")) {
            String line = "{\"position\":1,\"stream\":\"s\",\"version\":1,\"at\":\"" + at + "\",\"actor\":\"a\","
                    + "\"type\":\"CommentAdded\",\"data\":{}}";
            assertThat(codec.decode(line).at()).as(at).isEqualTo(java.time.format.DateTimeFormatter.ISO_INSTANT
                    .parse(at, Instant::from));
        }
        for (String at : List.of("2026-02-29T09:15:00Z", "2026-13-02T09:15:00Z", "2026-03-02T24:15:00Z", "2026-03-02 09:15:00Z")) {
            String line = "{\"position\":1,\"stream\":\"s\",\"version\":1,\"at\":\"" + at + "\",\"actor\":\"a\","
                    + "\"type\":\"CommentAdded\",\"data\":{}}";
            assertThatThrownBy(() -> codec.decode(line, 1)).as(at).hasMessageContaining("'at' must be an ISO-8601 instant");
        }
    }
}
