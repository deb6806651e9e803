package dev.baton.app.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.model.BusinessFunction;
import dev.baton.model.Capacity;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.plan.roadmap.EffortSuggestions;
import dev.baton.plan.roadmap.Initiative;
import dev.baton.plan.roadmap.InitiativesFile;
import dev.baton.plan.roadmap.Roadmap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoggedEffortTest {

    private final List<RecordedEvent> log = new ArrayList<>();

    /** Two functions: content (A, B) and design (C). */
    private static OperatingModel model() {
        return new OperatingModel("baton/v1", "t", "1",
                List.of(new BusinessFunction("content", "Content"), new BusinessFunction("design", "Design")),
                List.of(), List.of(
                new Person("a", "A", "content", null),
                new Person("b", "B", "content", Capacity.parse("40h/week").orElseThrow()),
                new Person("c", "C", "design", Capacity.parse("20h/week").orElseThrow())),
                List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
    }

    private void add(String stream, String workType, BatonEvent event) {
        log.add(new RecordedEvent(log.size() + 1, stream, 1, Instant.parse("2026-03-01T00:00:00Z"), "ann", workType, 1, null,
                event));
    }

    private void item(String id, Map<String, Object> fields, String owner, boolean done) {
        add(id, "brand", new ItemCreated(id, "todo", fields, null, null));
        if (owner != null) {
            add(id, "brand", new OwnerAssigned(owner, null));
        }
        if (done) {
            add(id, "brand", new ItemCompleted("done"));
        }
    }

    @Test
    void completedItemsWithJiraEffortBecomeCompletedWorkOnTheirOwnersFunction() throws Exception {
        item("B-1", Map.of("time-spent-hours", 96.0, "original-estimate-hours", 40.0), "c", true); // 12 days spent
        item("B-2", Map.of("original-estimate-hours", 80.0), "C", true);                           // 10 days estimated
        item("B-3", Map.of("story-points", 8.0), "c", true);                                        // 4 days at 2 a day
        item("B-4", Map.of("time-spent-hours", 40.0), "c", false);                                  // not completed
        item("B-5", Map.of("time-spent-hours", 40.0), "nobody", true);                              // no function
        item("B-6", Map.of(), "c", true);                                                           // no effort

        List<Initiative> none = LoggedEffort.completed(log, model(), 0);
        assertThat(none).extracting(Initiative::id).containsExactly("B-1", "B-2");
        List<Initiative> done = LoggedEffort.completed(log, model(), 2);
        assertThat(done).extracting(Initiative::id).containsExactly("B-1", "B-2", "B-3");
        assertThat(done.get(0).effort().get("design")).containsExactly(12);
        assertThat(done).allMatch(i -> i.theme().equals("brand"));

        Roadmap roadmap = InitiativesFile.read("""
                quarters: 2027-Q1..2027-Q2
                initiatives:
                  - {id: podcast, title: Podcast, theme: brand, value: 15}
                """, model(), null);
        var s = EffortSuggestions.of(roadmap.withCompleted(done));
        assertThat(s.get("podcast").effort().get("design")).containsExactly(10); // median of 12, 10, 4
    }
}
