package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.debt.DebtReport;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's tool-switching card, rendered from the page's own template fragment
 * ({@code debt-tools.html}, included by {@code debt.html}) with the report of a small mixed
 * history: Maya moves a Jira issue, then the Trello card that names it, then the issue again.
 */
class ToolSwitchingCardTest {

    static final java.nio.file.Path ROOT = dev.baton.app.ProjectRoot.PATH;

    static RecordedEvent event(long position, String stream, String at, String actor, Object payload, String id) {
        return new RecordedEvent(position, stream, position, Instant.parse(at), actor, "task", 0, null,
                (dev.baton.engine.event.BatonEvent) payload, id);
    }

    static String render(ToolSwitchingCard card) {
        return Fragments.render("debt-tools", "card", "tools", card);
    }

    @Test
    void theCardShowsSwitchesIntegrationsDuplicatesAndWhoWasNotMatched() throws Exception {
        ValidationReport model = ModelValidation.validate(ROOT.resolve("app/src/test/resources/tool-switching/model.yaml"));
        List<RecordedEvent> events = List.of(
                event(1, "MKT-1", "2026-03-02T09:00:00Z", "Maya Chen", new ItemCreated("Landing page", "todo", Map.of(), null, null),
                        "jira:1:created"),
                event(2, "c1", "2026-03-02T09:10:00Z", "Maya Chen", new ItemCreated("MKT-1 landing page", "doing", Map.of(), null,
                        null), "trello:c1:created"),
                event(3, "MKT-1", "2026-03-02T09:20:00Z", "Maya Chen", new StageEntered("todo", "doing", false), "jira:1:changelog:1:0"),
                event(4, "MKT-1", "2026-03-02T09:30:00Z", "Julia Wester", new StageEntered("doing", "review", false),
                        "jira:1:changelog:2:0"));
        DebtReport report = DebtAnalysis.analyze(model.model(), model.warnings(), "mixed", sink -> events.forEach(sink));

        String html = render(ToolSwitchingCard.of(report.toolSwitching()));
        assertThat(html).contains("id=\"tool-switching\"", "its own measure, not in the score",
                "2 switches between 2 systems on 1 of 1 person-days (2.0 a person-day); 1 stages tracked in two systems. "
                        + "Counted on 75% of actions, those matched to a person.",
                "<td>jira ↔ trello</td>", "<td>jira → trello → jira</td>",
                "&#39;doing&#39; in trello (c1, 2026-03-02) and jira (MKT-1, 2026-03-02): &#39;c1&#39; names &#39;MKT-1&#39;",
                "doing: jira 50%, trello 50%", "<td>Julia Wester</td>",
                "no person of the model has this name or address");
    }

    @Test
    void aLogOfNoToolShowsNoCard() {
        String html = render(ToolSwitchingCard.of(dev.baton.insight.tools.ToolSwitching.none("nothing")));
        assertThat(html).doesNotContain("tool-switching");
    }
}
