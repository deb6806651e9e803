package dev.baton.assist;

import dev.baton.assist.history.WorkHistory;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.debt.DebtReport;
import dev.baton.insight.simulation.SimulationSettings;
import dev.baton.insight.simulation.Simulator;
import dev.baton.model.OperatingModel;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated quarter of the B2B SaaS example (300 items, seed 7), its debt report and its work,
 * made once per test run: in it campaigns and assets are ready for AI, initiatives and product
 * launches are not (no intake form feeds them; initiatives have no template).
 */
public final class Simulated {

    public static final OperatingModel MODEL = Examples.b2b();
    public static final List<RecordedEvent> EVENTS = simulate();
    public static final DebtReport REPORT = report();
    public static final WorkHistory WORK = work();

    private Simulated() {
    }

    private static List<RecordedEvent> simulate() {
        List<RecordedEvent> events = new ArrayList<>();
        Simulator.run(MODEL, new SimulationSettings(300, 7, SimulationSettings.DEFAULT_START, SimulationSettings.DEFAULT_WEEKS,
                dev.baton.insight.simulation.DebtRates.DEFAULT), events::add);
        return events;
    }

    private static DebtReport report() {
        ValidationReport validation = ModelValidation.validate(Examples.ROOT.resolve("examples/b2b-saas.yaml"));
        try {
            return DebtAnalysis.analyze(MODEL, validation.warnings(), "simulated.jsonl", sink -> EVENTS.forEach(sink));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WorkHistory work() {
        WorkHistory work = new WorkHistory();
        EVENTS.forEach(work);
        return work;
    }
}
