package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.json.Json;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.debt.DebtReport;
import dev.baton.insight.debt.Dimension;
import dev.baton.insight.simulation.DebtRates;
import dev.baton.insight.simulation.SimulationSettings;
import dev.baton.insight.simulation.Simulator;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's weekly trend chart carries the report's weekly scores, one point per week. */
class DebtPageTest {

    static final Path ROOT = dev.baton.app.ProjectRoot.PATH;

    @Test
    @SuppressWarnings("unchecked")
    void theTrendHasTheReportsScoreForEveryWeek() throws Exception {
        ValidationReport model = ModelValidation.validate(ROOT.resolve("examples/b2b-saas.yaml"));
        List<RecordedEvent> events = new ArrayList<>();
        Simulator.run(model.model(), new SimulationSettings(200, 3, SimulationSettings.DEFAULT_START, 13, DebtRates.DEFAULT),
                events::add);
        DebtReport report = DebtAnalysis.analyze(model.model(), model.warnings(), "sim", sink -> events.forEach(sink));
        var weeks = report.breakdowns().get(Dimension.WEEK);

        Map<String, Object> option = Json.mapper().readValue(DebtPage.trend(report), Map.class);
        List<String> axis = (List<String>) ((Map<String, Object>) option.get("xAxis")).get("data");
        List<Object> score = (List<Object>) ((Map<String, Object>) ((List<Object>) option.get("series")).get(0)).get("data");
        assertThat(axis).hasSize(weeks.size()).isSorted();
        assertThat(score).hasSize(weeks.size());
        for (int i = 0; i < weeks.size(); i++) {
            assertThat(((Number) score.get(i)).doubleValue()).isCloseTo(weeks.get(i).score(), org.assertj.core.data.Offset.offset(0.051));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aModelChangeIsADashedLineAtItsWeekOnTheScore() throws Exception {
        ValidationReport v1 = ModelValidation.validate(ROOT.resolve("examples/b2b-saas.yaml"));
        ValidationReport v2 = ModelValidation.validate("v2.yaml", dev.baton.engine.Examples.b2bSaasV2());
        List<RecordedEvent> events = new ArrayList<>();
        Simulator.run(v1.model(), new SimulationSettings(100, 3, SimulationSettings.DEFAULT_START, 6, DebtRates.DEFAULT),
                events::add);
        java.time.Instant upload = SimulationSettings.DEFAULT_START.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                .plus(java.time.Duration.ofDays(15));
        var history = dev.baton.insight.debt.ModelHistory.of(Map.of(1, v1.model(), 2, v2.model()), 2)
                .since(Map.of(2, upload));
        DebtReport report = DebtAnalysis.analyze(history, v2.warnings(), "sim", sink -> events.forEach(sink),
                dev.baton.insight.debt.Scope.ALL);

        Map<String, Object> option = Json.mapper().readValue(DebtPage.trend(report), Map.class);
        Map<String, Object> score = (Map<String, Object>) ((List<Object>) option.get("series")).get(0);
        Map<String, Object> markLine = (Map<String, Object>) score.get("markLine");
        assertThat((List<Object>) markLine.get("data")).containsExactly(
                Map.of("xAxis", "2026-W04", "name", "model v2 (2026-01-20)"));
        assertThat(((Map<String, Object>) markLine.get("lineStyle"))).containsEntry("type", "dashed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void weeksFarApartAreSeparatedByAGapNotJoinedByTheLine() throws Exception {
        ValidationReport model = ModelValidation.validate(ROOT.resolve("examples/b2b-saas.yaml"));
        List<RecordedEvent> events = new ArrayList<>();
        Simulator.run(model.model(), new SimulationSettings(40, 3, SimulationSettings.DEFAULT_START, 2, DebtRates.DEFAULT),
                events::add);
        // One old item, imported from a 2015 export.
        events.add(new RecordedEvent(events.size() + 1, "OLD-1", 1, java.time.Instant.parse("2015-11-23T10:00:00Z"), "maya.chen",
                "campaign", 0, null, new dev.baton.engine.item.WorkItemEvent.ItemCreated("Old", "brief", Map.of(), null, null),
                "jira:1:created"));
        DebtReport report = DebtAnalysis.analyze(model.model(), model.warnings(), "sim", sink -> events.forEach(sink));
        Map<String, Object> option = Json.mapper().readValue(DebtPage.trend(report), Map.class);
        List<String> axis = (List<String>) ((Map<String, Object>) option.get("xAxis")).get("data");
        List<Object> score = (List<Object>) ((Map<String, Object>) ((List<Object>) option.get("series")).get(0)).get("data");
        assertThat(axis.get(0)).isEqualTo("2015-W48");
        assertThat(axis.get(1)).startsWith("… ").endsWith(" weeks …");
        assertThat(score.get(1)).isEqualTo("-");
        assertThat(axis.get(2)).startsWith("2026-W");
    }
}
