package dev.baton.assist.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.assist.Examples;
import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent;
import dev.baton.model.OperatingModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an approver reads about an item: every sentence from its events, each naming them. */
class ItemSummaryTest {

    static final OperatingModel MODEL = Examples.model("content-team.yaml");
    final List<RecordedEvent> events = new ArrayList<>();

    private void e(String at, String actor, BatonEvent event) {
        events.add(new RecordedEvent(events.size() + 1, "post-7", events.size() + 1, Instant.parse(at), actor, "blog-post",
                1, null, event));
    }

    @Test
    void whatItIsWhereItIsAndWhatIsWaitingOnWhom() {
        e("2026-03-02T09:00:00Z", "ana.silva", new WorkItemEvent.ItemCreated("Data contracts explained", "pitch", Map.of(),
                null, "req-3"));
        e("2026-03-02T10:00:00Z", "zoe.park", new WorkItemEvent.StageEntered("pitch", "draft", false));
        e("2026-03-03T10:00:00Z", "ana.silva", new WorkItemEvent.OwnerAssigned("ana.silva", null));
        e("2026-03-04T10:00:00Z", "ana.silva", new WorkItemEvent.StageEntered("draft", "edit", false));
        e("2026-03-04T11:00:00Z", "zoe.park", new WorkItemEvent.StageEntered("edit", "draft", true));
        e("2026-03-05T11:00:00Z", "ana.silva", new WorkItemEvent.CommentAdded("Tightened the intro as asked"));
        e("2026-03-05T12:00:00Z", "ana.silva", new WorkItemEvent.StageEntered("draft", "edit", false));
        e("2026-03-05T12:00:00Z", "ana.silva", new WorkItemEvent.ApprovalRequested("edit", List.of("zoe.park")));

        ItemSummary s = ItemSummary.of(MODEL, "post-7", events, Instant.parse("2026-03-09T12:00:00Z"));

        assertThat(s.facts()).extracting(Fact::kind).containsExactly("what", "where", "waiting", "history", "recent");
        assertThat(s.facts().get(0).text()).isEqualTo("'Data contracts explained' is a blog post created by Ana Silva on "
                + "2026-03-02 from intake request req-3.");
        assertThat(s.facts().get(1).text()).isEqualTo("In stage edit since 2026-03-05 (4 days), owned by Ana Silva; its SLA "
                + "of 2d is exceeded by 2 days.");
        assertThat(s.facts().get(1).events()).containsExactly("post-7#7");
        assertThat(s.facts().get(2).text()).isEqualTo("Waiting on approval from Zoe Park, asked 2026-03-05 (4 days ago).");
        assertThat(s.facts().get(3).text()).startsWith("Sent back 1 time(s) for rework");
        assertThat(s.facts().get(4).text()).contains("Ana Silva wrote on 2026-03-05: \"Tightened the intro as asked\"");
    }

    @Test
    void aGrantedApprovalAndACompletedItemWaitOnNobody() {
        e("2026-03-02T09:00:00Z", "ana.silva", new WorkItemEvent.ItemCreated("Launch recap", "edit", Map.of(), null, null));
        e("2026-03-02T09:30:00Z", "ana.silva", new WorkItemEvent.ApprovalRequested("edit", List.of("zoe.park")));
        e("2026-03-02T10:00:00Z", "zoe.park", new WorkItemEvent.ApprovalGranted("edit", "zoe.park", "ok"));
        ItemSummary open = ItemSummary.of(MODEL, "post-7", events, Instant.parse("2026-03-02T12:00:00Z"));
        assertThat(open.facts()).filteredOn(f -> f.kind().equals("waiting")).singleElement()
                .satisfies(f -> assertThat(f.text()).startsWith("Nothing is waiting on anyone else: the work is with Zoe Park"));

        e("2026-03-03T10:00:00Z", "ben.kowalski", new WorkItemEvent.ItemBlocked("waiting for legal"));
        assertThat(ItemSummary.of(MODEL, "post-7", events, Instant.parse("2026-03-03T12:00:00Z")).facts())
                .anySatisfy(f -> assertThat(f.text()).isEqualTo("Blocked by Ben Kowalski since 2026-03-03: waiting for legal."));

        e("2026-03-04T10:00:00Z", "zoe.park", new WorkItemEvent.ItemCompleted("edit"));
        ItemSummary done = ItemSummary.of(MODEL, "post-7", events, Instant.parse("2026-03-05T12:00:00Z"));
        assertThat(done.facts()).extracting(Fact::text).contains("Completed in edit on 2026-03-04.");
        assertThat(done.facts()).noneMatch(f -> f.kind().equals("waiting"));
    }
}
