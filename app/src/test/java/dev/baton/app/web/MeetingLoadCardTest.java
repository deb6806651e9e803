package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.meeting.MeetingEvent;
import dev.baton.engine.meeting.MeetingEvent.MeetingHeld;
import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.debt.DebtReport;
import dev.baton.insight.debt.meetings.MeetingLoad;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's meeting-load card, rendered from its template fragment ({@code debt-meetings.html})
 * with the report of a small history: item UT-27 exists; Maya and Sam hold a weekly status sync (private: its title
 * must not show) and a copy review that names item UT-27; Maya then creates an item from the review.
 */
class MeetingLoadCardTest {

    static final java.nio.file.Path ROOT = dev.baton.app.ProjectRoot.PATH;

    static RecordedEvent meeting(long position, String uid, String title, String start, String end, String... attendees) {
        return new RecordedEvent(position, MeetingEvent.stream(uid), position, Instant.parse(start), "maya", null, 0, null,
                new MeetingHeld(uid, title, "", end, false, false, List.of(attendees), List.of(), List.of("maya.ics")),
                "calendar:" + uid + ":" + Instant.parse(start).getEpochSecond());
    }

    static String render(MeetingLoadCard card) {
        return Fragments.render("debt-meetings", "card", "meetings", card);
    }

    @Test
    void theCardShowsLoadPerPersonAndFunctionTasksAndOnlyTheTitlesOfMeetingsLinkedToWork() throws Exception {
        ValidationReport model = ModelValidation.validate(ROOT.resolve("app/src/test/resources/tool-switching/model.yaml"));
        List<RecordedEvent> events = List.of(
                new RecordedEvent(0, "UT-27", 1, Instant.parse("2026-03-01T10:00:00Z"), "maya", "task", 0, null,
                        new ItemCreated("Spring landing page copy", "todo", Map.of(), null, null), "jira:27:created"),
                meeting(1, "sync-1", "Campaign status sync", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z",
                        "maya", "sam", "pat@agency.example"),
                meeting(2, "review-1", "Copy review UT-27", "2026-03-03T13:00:00Z", "2026-03-03T13:30:00Z", "maya", "sam"),
                new RecordedEvent(3, "UT-30", 1, Instant.parse("2026-03-03T14:00:00Z"), "maya", "task", 0, null,
                        new ItemCreated("Fix the headline from the Copy review UT-27", "todo", Map.of(), null, null),
                        "jira:30:created"));
        DebtReport report = DebtAnalysis.analyze(model.model(), model.warnings(), "calendars", sink -> events.forEach(sink));
        MeetingLoad load = report.meetings();
        assertThat(load.measured()).isTrue();

        String html = render(MeetingLoadCard.of(load, model.model()));
        assertThat(html).contains("id=\"meeting-load\"", "beside the score, not in it",
                        "Coverage: 2 of 4 people of the model have calendars in the log (50.0%).",
                        "<td>Maya Chen</td>", "<td>Sam Lee</td>", "<td>Marketing</td>",
                        "Copy review UT-27", "Maya Chen and Sam Lee", "href=\"/items/UT-27\"",
                        "generated tasks", "Titles and attendees are shown only for meetings linked to work",
                        "1 attendee matched no person of the model and is counted in no one&#39;s load")
                // The status sync names no work: its hours count, its title and attendees are not shown.
                .doesNotContain("Campaign status sync", "pat@agency.example");
        // Three person-hours: 1 h for each of two people, half an hour each for the review.
        assertThat(html).contains("3.0 h in meetings in all, 2 meeting instances");
    }

    @Test
    void aLogWithoutMeetingsShowsNoCard() {
        String html = render(MeetingLoadCard.of(MeetingLoad.NONE, dev.baton.model.OperatingModel.class.cast(
                ModelValidation.validate(ROOT.resolve("app/src/test/resources/tool-switching/model.yaml")).model())));
        assertThat(html).doesNotContain("meeting-load");
    }
}
