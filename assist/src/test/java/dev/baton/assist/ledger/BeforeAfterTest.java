package dev.baton.assist.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.baton.engine.assist.AssistEvent;
import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.insight.debt.ModelHistory;
import dev.baton.model.OperatingModel;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ledger's before and after on a history written by hand: two posts before the brief assistant
 * came (one of them sent back), two after, and what the debt report says of each side.
 */
class BeforeAfterTest {

    /**
     * A post flows draft (making) → review (coordination) → publish (making); review may send it
     * back. Its success metric ties every post to a goal, so that only rework costs hours here.
     */
    static final String MODEL = """
            apiVersion: baton/v1
            name: One-person studio
            functions:
              - { id: content, name: Content }
            people:
              - { id: ann, name: Ann, function: content, capacity: 40h/week }
            components:
              - { id: audience, owner: ann }
              - { id: content, owner: ann }
              - { id: messaging, owner: ann }
              - { id: channels, owner: ann }
              - { id: data, owner: ann }
              - { id: reporting, owner: ann }
              - { id: instrumentation, owner: ann }
            metrics:
              - { id: posts, name: Posts, unit: posts, definition: Posts published a month, target: 4 }
            templates:
              - id: brief
                name: Brief
                fields:
                  - { id: title, type: text, required: true }
            work-types:
              - id: post
                name: Post
                template: brief
                success: [posts]
                stages:
                  - { id: draft, kind: making, owner: ann, decision: { driver: ann, approver: ann } }
                  - { id: review, kind: coordination, owner: ann, decision: { driver: ann, approver: ann } }
                  - { id: publish, kind: making, owner: ann, decision: { driver: ann, approver: ann } }
                transitions:
                  - review -> draft
            """;

    final List<RecordedEvent> events = new ArrayList<>();
    final Map<String, Long> versions = new HashMap<>();

    /** Monday 5 January 2026 is day 0. */
    static Instant at(int day, int hour) {
        return Instant.parse("2026-01-05T00:00:00Z").plusSeconds(day * 86_400L + hour * 3_600L);
    }

    void add(String stream, Instant at, BatonEvent event) {
        long version = versions.merge(stream, 1L, Long::sum);
        events.add(new RecordedEvent(events.size() + 1, stream, version, at, "ann", "post", 1, null, event));
    }

    /** A post that spends the hours given in draft, review and publish, from {@code day} at 9:00. */
    void post(String id, int day, int draft, int review, int publish) {
        add(id, at(day, 9), new ItemCreated(id, "draft", Map.of("title", id), null, null));
        add(id, at(day, 9), new OwnerAssigned("ann", null));
        add(id, at(day, 9 + draft), new StageEntered("draft", "review", false));
        add(id, at(day, 9 + draft + review), new StageEntered("review", "publish", false));
        add(id, at(day, 9 + draft + review + publish), new ItemCompleted("publish"));
    }

    @Test
    void theWorkTypesCoordinationShareAndHoursLostBeforeAndAfterTheFirstDraft() throws IOException {
        OperatingModel model = model();
        // Before: post-1 4 h draft, 4 h review, 8 h publish (4 of 16 h coordinating). post-2 goes
        // back from review: 1 h draft, 2 h review, 2 h draft again, 2 h review, 2 h publish (4 of 9 h).
        post("post-1", 0, 4, 4, 8);
        add("post-2", at(1, 9), new ItemCreated("post-2", "draft", Map.of("title", "post-2"), null, null));
        add("post-2", at(1, 9), new OwnerAssigned("ann", null));
        add("post-2", at(1, 10), new StageEntered("draft", "review", false));
        add("post-2", at(1, 12), new StageEntered("review", "draft", true));
        add("post-2", at(1, 14), new StageEntered("draft", "review", false));
        add("post-2", at(1, 16), new StageEntered("review", "publish", false));
        add("post-2", at(1, 18), new ItemCompleted("publish"));
        // The brief assistant's first draft on day 7; an explicit enablement later changes nothing.
        add("assist:d1", at(7, 9), new AssistEvent.DraftOffered("d1", "brief-draft", "post-3", "offline",
                Map.of("title", "post-3"), List.of(), null));
        add("assist:enabled:brief-draft:post", at(8, 9), new AssistEvent.AssistantEnabled("brief-draft", "pilot"));
        // After: post-3 8 h draft, 1 h review, 2 h publish (1 of 11 h); post-4 4 h, 1 h, 4 h (1 of 9 h).
        post("post-3", 8, 8, 1, 2);
        post("post-4", 9, 4, 1, 4);

        List<BeforeAfter.Row> rows = BeforeAfter.of(ModelHistory.of(model), List.of(), "hand-made.jsonl",
                sink -> events.forEach(sink));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.workType()).isEqualTo("post");
            assertThat(row.assistant()).isEqualTo("brief-draft");
            assertThat(row.enabledAt()).isEqualTo(at(7, 9));
            assertThat(row.how()).isEqualTo("first draft offered");
            assertThat(row.before().coordinationShare()).isCloseTo(8.0 / 25, within(1e-12));
            assertThat(row.after().coordinationShare()).isCloseTo(2.0 / 20, within(1e-12));
            // Hours lost: the rework of post-2 (a making stage redone, 4 h, and a review, 1 h:
            // CostAssumptions) before, nothing after. The sides span day 0 9:00 → day 7 9:00 (one
            // week) and day 7 9:00 → day 9 18:00.
            assertThat(row.before().hoursLost()).isEqualTo(5.0);
            assertThat(row.before().hoursLostPerWeek()).isCloseTo(5.0, within(1e-12));
            assertThat(row.after().hoursLost()).isZero();
            assertThat(row.after().from()).isEqualTo(at(7, 9));
            assertThat(row.after().to()).isEqualTo(at(9, 18));
            assertThat(row.summary()).isEqualTo("since brief-draft (first draft offered on 2026-01-12): coordination "
                    + "share 32% → 10%, hours lost 5.0 a week → 0.0; what changed since, not necessarily because of it");
        });
    }

    @Test
    void anExplicitEnablementBeforeAnyDraftIsTheMomentAndIntakeAssistantsHaveNoWorkTypeFigures() throws IOException {
        OperatingModel model = model();
        post("post-1", 0, 4, 4, 8);
        events.add(new RecordedEvent(events.size() + 1, "assist:enabled:brief-draft:post", 1, at(2, 9), "grace", "post", 1,
                null, new AssistEvent.AssistantEnabled("brief-draft", "pilot")));
        events.add(new RecordedEvent(events.size() + 1, "assist:d9", 1, at(2, 10), "ann", null, 1, null,
                new AssistEvent.DraftOffered("d9", "similar-requests", null, "offline", Map.of(), List.of(), null)));

        List<BeforeAfter.Row> rows = BeforeAfter.of(ModelHistory.of(model), List.of(), "hand-made.jsonl",
                sink -> events.forEach(sink));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).how()).isEqualTo("enabled by grace");
        assertThat(rows.get(0).after().hoursLost()).isNull();
        assertThat(rows.get(0).summary()).isEqualTo("no item of the work type since brief-draft (enabled by grace on "
                + "2026-01-07) yet");
        assertThat(rows.get(1).workType()).isNull();
        assertThat(rows.get(1).before()).isNull();
        assertThat(rows.get(1).summary()).contains("an intake assistant has no work type");
    }

    static OperatingModel model() {
        ValidationReport report = ModelValidation.validate("studio.yaml", MODEL);
        assertThat(report.errors()).isEmpty();
        return report.model();
    }
}
