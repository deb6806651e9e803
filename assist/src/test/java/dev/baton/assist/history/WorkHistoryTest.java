package dev.baton.assist.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.intake.IntakeEvent;
import dev.baton.engine.item.WorkItemEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkHistoryTest {

    private long position;

    private RecordedEvent e(String stream, long version, String actor, BatonEvent event) {
        return new RecordedEvent(++position, stream, version, Instant.parse("2026-03-02T09:00:00Z").plusSeconds(position * 60),
                actor, "campaign", 1, null, event);
    }

    @Test
    void anItemHoldsItsRequestsFieldsOverlaidByItsOwnAndARequestItBecameIsShownOnce() {
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("budget", null);
        cleared.put("segment", "CFOs in the UK");
        WorkHistory work = new WorkHistory();
        List.of(e("req-1", 1, "maya", new IntakeEvent.RequestSubmitted("campaign-request", "Fintech push",
                        Map.of("segment", "CFOs", "budget", 5000.0, "objective", "Trials"))),
                e("item-1", 1, "nora", new WorkItemEvent.ItemCreated("Fintech push", "brief", Map.of("reach", 300.0), null, "req-1")),
                e("req-1", 2, "nora", new IntakeEvent.RequestAccepted("item-1", "fits")),
                e("item-1", 2, "nora", new WorkItemEvent.FieldsUpdated(cleared)),
                e("item-1", 3, "nora", new WorkItemEvent.PriorityInputsSet(Map.of("impact", 2.0))),
                e("item-1", 4, "nora", new WorkItemEvent.OwnerAssigned("jon", null)),
                e("item-1", 5, "jon", new WorkItemEvent.StageEntered("brief", "build", false)),
                e("req-2", 1, "alex", new IntakeEvent.RequestSubmitted("campaign-request", "Retail webinar", Map.of())),
                e("meeting:x", 1, "maya", new dev.baton.engine.meeting.MeetingEvent.MeetingHeld("x", "Sync", null,
                        "2026-03-02T10:00:00Z", false, false, List.of("maya", "nora"), List.of(), List.of())))
                .forEach(work);

        PastWork item = work.item("item-1").orElseThrow();
        assertThat(item.fields()).containsEntry("segment", "CFOs in the UK").containsEntry("objective", "Trials")
                .containsEntry("reach", 300.0).containsEntry("impact", 2.0).doesNotContainKey("budget");
        assertThat(item.state()).isEqualTo("build");
        assertThat(item.owner()).isEqualTo("jon");
        assertThat(item.open()).isTrue();
        assertThat(item.text()).startsWith("Fintech push").contains("CFOs in the UK").doesNotContain("300");
        assertThat(work.comparable()).extracting(PastWork::id).containsExactly("item-1", "req-2");
        assertThat(work.requests()).extracting(PastWork::state).containsExactly("accepted", "submitted");
    }
}
