package dev.baton.insight.debt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.insight.simulation.DebtRates;
import dev.baton.insight.simulation.SimulationSettings;
import dev.baton.insight.simulation.SimulationTruth;
import dev.baton.insight.simulation.Simulator;
import dev.baton.model.OperatingModel;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report recovers the debt the simulator injected. Tolerance: 0.01 absolute between what the
 * report measures and what the simulation realised (they are counted the same way, so they agree
 * to rounding), and 0.04 between realised and requested on 2,000 items (over four binomial
 * standard deviations of a share).
 */
class GroundTruthTest {

    static final double MEASURED = 0.01;
    static final double REQUESTED = 0.04;

    static OperatingModel example(String name) {
        ValidationReport report = ModelValidation.validate(Path.of("..", "examples", name));
        assertThat(report.valid()).isTrue();
        return report.model();
    }

    @Test
    void analyzeRecoversTheInjectedRatesOnTwoThousandItems() throws IOException {
        OperatingModel model = example("b2b-saas.yaml");
        DebtRates rates = new DebtRates(0.12, 0.25, 0.2, 0.15, 0.25, 2.0, 0.3, 0.08, 0.2);
        List<RecordedEvent> events = new ArrayList<>();
        SimulationTruth truth = Simulator.run(model,
                new SimulationSettings(2000, 2026, SimulationSettings.DEFAULT_START, 13, rates), events::add);
        DebtReport report = DebtAnalysis.analyze(model, List.of(), "simulated", sink -> events.forEach(sink));

        assertThat(report.items()).isEqualTo(2000);
        assertThat(report.component("flow-conformance").details().get("skipRate")).isCloseTo(truth.skipRate(), within(MEASURED));
        assertThat(report.component("rework").value()).isCloseTo(truth.reworkRate(), within(MEASURED));
        assertThat(report.component("reactive-load").details().get("urgentRate")).isCloseTo(truth.urgentRate(), within(MEASURED));
        assertThat(report.component("handoffs").details().get("bounceRate")).isCloseTo(truth.bounceRate(), within(MEASURED));
        assertThat(report.component("ownership").details().get("unownedRate")).isCloseTo(truth.unownedRate(), within(MEASURED));
        assertThat(report.component("goal-alignment").value()).isCloseTo(truth.noGoalRate(), within(MEASURED));
        assertThat(report.component("sla").value()).isCloseTo(truth.slaOverrunRate(), within(MEASURED));

        assertThat(truth.skipRate()).isCloseTo(0.12, within(REQUESTED));
        assertThat(truth.reworkRate()).isCloseTo(0.25, within(REQUESTED));
        assertThat(truth.urgentRate()).isCloseTo(0.2, within(REQUESTED));
        assertThat(truth.bounceRate()).isCloseTo(0.15, within(REQUESTED));
        assertThat(truth.unownedRate()).isCloseTo(0.08, within(REQUESTED));
        assertThat(truth.slaOverrunRate()).isCloseTo(0.25, within(REQUESTED));
    }

    @Test
    void aLogWithoutInjectedDebtScoresLowOnTheInjectableComponents() throws IOException {
        OperatingModel model = example("content-team.yaml");
        List<RecordedEvent> events = new ArrayList<>();
        Simulator.run(model, new SimulationSettings(150, 3, SimulationSettings.DEFAULT_START, 13, DebtRates.NONE), events::add);
        DebtReport report = DebtAnalysis.analyze(model, List.of(), "clean", sink -> events.forEach(sink));
        for (String id : List.of("flow-conformance", "handoffs", "sla", "rework", "reactive-load", "goal-alignment")) {
            assertThat(report.component(id).value()).as(id).isZero();
        }
        assertThat(report.component("ownership").details().get("unownedRate")).isZero();
        assertThat(report.component("flow-conformance").details().get("percentageFittingTraces")).isEqualTo(100.0);
    }
}
