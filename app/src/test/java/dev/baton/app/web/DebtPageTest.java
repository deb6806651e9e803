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
}
