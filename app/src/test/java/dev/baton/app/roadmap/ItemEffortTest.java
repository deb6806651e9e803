package dev.baton.app.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemId;
import dev.baton.model.BusinessFunction;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemEffortTest {

    private static final OperatingModel MODEL = new OperatingModel("baton/v1", "t", "1",
            List.of(new BusinessFunction("content", "Content"), new BusinessFunction("design", "Design")),
            List.of(), List.of(new Person("ann", "Ann", "content", null), new Person("cy", "Cy", "design", null)),
            List.of(), List.of(), List.of(), List.of(), List.of(), null, null);

    private static WorkItem item(Map<String, Object> fields, String owner) {
        Instant t = Instant.parse("2027-01-04T09:00:00Z");
        return new WorkItem(new WorkItemId("I-1"), "initiative", 1, 1, "Launch kit", "proposal", fields, owner, null, null,
                false, null, false, false, null, null, Map.of(), 0, t, t, t, 0);
    }

    @Test
    void theTemplateFieldGivesPersonDaysPerFunctionAndQuarter() {
        ItemEffort e = ItemEffort.of(item(Map.of("effort", "content: 20, 10; design: 5"), null), MODEL);
        assertThat(e.effort()).containsOnlyKeys("content", "design");
        assertThat(e.effort().get("content")).containsExactly(20, 10);
        assertThat(e.effort().get("design")).containsExactly(5);
        assertThat(e.from()).isEqualTo("its field 'effort'");

        ItemEffort asMap = ItemEffort.of(item(Map.of("effort", Map.of("design", List.of(3, 4))), null), MODEL);
        assertThat(asMap.effort().get("design")).containsExactly(3, 4);
    }

    @Test
    void aFieldThatCannotBeReadSaysWhyAndGivesNoEffort() {
        ItemEffort unknown = ItemEffort.of(item(Map.of("effort", "video: 10"), null), MODEL);
        assertThat(unknown.effort()).isEmpty();
        assertThat(unknown.from()).contains("'video' is not a function of the model (content, design)");
        ItemEffort notDays = ItemEffort.of(item(Map.of("effort", "content: ten"), null), MODEL);
        assertThat(notDays.effort()).isEmpty();
        assertThat(notDays.from()).contains("expected whole person-days for content, found 'ten'");
    }

    @Test
    void aJiraEstimateLessTimeSpentGoesOnTheOwnersFunctionAtEightHoursADay() {
        ItemEffort e = ItemEffort.of(item(Map.of("original-estimate-hours", 100.0, "time-spent-hours", 20.0), "cy"), MODEL);
        assertThat(e.effort().get("design")).containsExactly(10);
        assertThat(e.from()).isEqualTo("its estimate: 100 h less 20 h spent, at 8 h a person-day, on its owner's function design");

        ItemEffort noOwner = ItemEffort.of(item(Map.of("original-estimate-hours", 16.0), null), MODEL);
        assertThat(noOwner.effort()).isEmpty();
        assertThat(noOwner.from()).contains("its owner is not set");

        ItemEffort usedUp = ItemEffort.of(item(Map.of("original-estimate-hours", 16.0, "time-spent-hours", 20.0), "ann"), MODEL);
        assertThat(usedUp.effort()).isEmpty();
        assertThat(usedUp.from()).contains("used up");
    }

    @Test
    void elapsedTimeIsNeverEffort() {
        ItemEffort none = ItemEffort.of(item(Map.of("title", "x"), "ann"), MODEL);
        assertThat(none.effort()).isEmpty();
        assertThat(none.from()).isNull();
    }
}
