package dev.baton.insight.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.jsonl.EventCodec;
import dev.baton.model.OperatingModel;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    static OperatingModel example(String name) {
        ValidationReport report = ModelValidation.validate(Path.of("..", "examples", name));
        assertThat(report.valid()).as(report.problems().toString()).isTrue();
        return report.model();
    }

    static List<RecordedEvent> simulate(OperatingModel model, SimulationSettings settings) {
        List<RecordedEvent> events = new ArrayList<>();
        Simulator.run(model, settings, events::add);
        return events;
    }

    @Test
    void theSameSeedGivesTheSameLogLineForLine() {
        OperatingModel model = example("b2b-saas.yaml");
        SimulationSettings settings = new SimulationSettings(300, 42, SimulationSettings.DEFAULT_START, 13, DebtRates.DEFAULT);
        EventCodec codec = new EventCodec();
        List<String> first = simulate(model, settings).stream().map(codec::encode).toList();
        List<String> second = simulate(model, settings).stream().map(codec::encode).toList();
        List<String> otherSeed = simulate(model, new SimulationSettings(300, 43, SimulationSettings.DEFAULT_START, 13,
                DebtRates.DEFAULT)).stream().map(codec::encode).toList();

        assertThat(first).isNotEmpty().isEqualTo(second);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void eventsComeInTimeOrderWithPositionsAndVersionsInSequence() {
        List<RecordedEvent> events = simulate(example("b2b-saas.yaml"),
                new SimulationSettings(500, 1, SimulationSettings.DEFAULT_START, 13, DebtRates.DEFAULT));
        Map<String, Long> versions = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent e = events.get(i);
            assertThat(e.position()).isEqualTo(i + 1);
            if (i > 0) {
                assertThat(e.at()).isAfterOrEqualTo(events.get(i - 1).at());
            }
            long expected = versions.merge(e.stream(), 1L, Long::sum);
            assertThat(e.version()).as("version of %s", e.stream()).isEqualTo(expected);
        }
        long created = events.stream().filter(e -> e.event() instanceof ItemCreated).count();
        long completed = events.stream().filter(e -> e.event() instanceof ItemCompleted).count();
        assertThat(created).isEqualTo(500);
        assertThat(completed).isEqualTo(500);
    }

    @Test
    void itemsArriveOnWorkdaysInOfficeHoursOverThePeriod() {
        List<RecordedEvent> created = simulate(example("content-team.yaml"),
                new SimulationSettings(400, 5, SimulationSettings.DEFAULT_START, 4, DebtRates.NONE)).stream()
                .filter(e -> e.event() instanceof ItemCreated).toList();
        for (RecordedEvent e : created) {
            var t = e.at().atZone(ZoneOffset.UTC);
            assertThat(t.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(t.getHour()).isBetween(9, 16);
        }
        assertThat(created.get(0).at().atZone(ZoneOffset.UTC).toLocalDate())
                .isBetween(SimulationSettings.DEFAULT_START, SimulationSettings.DEFAULT_START.plusDays(3));
        assertThat(created.get(created.size() - 1).at().atZone(ZoneOffset.UTC).toLocalDate())
                .isBetween(SimulationSettings.DEFAULT_START.plusDays(24), SimulationSettings.DEFAULT_START.plusDays(28));
    }

    @Test
    void theRealisedRatesFollowTheRequestedOnes() {
        DebtRates rates = new DebtRates(0.2, 0.3, 0.25, 0.2, 0.3, 2, 0.3, 0.1, 0.15);
        SimulationTruth truth = new SimulationTruth();
        truth = Simulator.run(example("b2b-saas.yaml"),
                new SimulationSettings(3000, 9, SimulationSettings.DEFAULT_START, 13, rates), e -> { });
        // 3,000 items: a binomial share's standard deviation is at most 0.009; 0.04 is over four of them.
        assertThat(truth.skipRate()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.04));
        assertThat(truth.reworkRate()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.04));
        assertThat(truth.urgentRate()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.04));
        assertThat(truth.unownedRate()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.04));
        assertThat(truth.bounceRate()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.04));
        assertThat(truth.slaOverrunRate()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.04));
        // Initiatives link through the model's success metrics and cannot lose it: fewer than requested.
        assertThat(truth.noGoalRate()).isGreaterThan(0.05).isLessThan(0.15);
    }

    @Test
    void unusableSettingsAreRefusedWithEveryReason() {
        SimulationSettings bad = new SimulationSettings(0, 1, SimulationSettings.DEFAULT_START, 0,
                DebtRates.DEFAULT.withSkip(1.5).withSlaOverrun(0.1, 0.5, 0.3));
        assertThatThrownBy(() -> Simulator.run(example("b2b-saas.yaml"), bad, e -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("items: expected at least 1, found 0")
                .hasMessageContaining("weeks: expected 1 to 520, found 0")
                .hasMessageContaining("skip-rate: expected a rate from 0 to 1, found 1.5")
                .hasMessageContaining("sla-overrun-factor: expected a number above 1");
    }

    @Test
    void aProfileSetsRatesAndNamesItsMistakesWithLineAndColumn() throws Exception {
        DebtRates rates = DebtProfile.read("skip-rate: 0.3\nsla-overrun: 0.4\nsla-overrun-factor: 2.5\n", DebtRates.DEFAULT);
        assertThat(rates.skip()).isEqualTo(0.3);
        assertThat(rates.slaOverrun()).isEqualTo(0.4);
        assertThat(rates.slaOverrunFactor()).isEqualTo(2.5);
        assertThat(rates.rework()).isEqualTo(DebtRates.DEFAULT.rework());

        assertThatThrownBy(() -> DebtProfile.read("skip-rate: lots\nrework: 0.1\nurgent-rate: 2\n", DebtRates.DEFAULT))
                .isInstanceOfSatisfying(DebtProfile.Invalid.class, e -> assertThat(e.problems()).containsExactly(
                        "1:12: skip-rate: expected a number",
                        "2:1: expected one of bounce-rate, no-goal-rate, rework-rate, skip-rate, sla-overrun, "
                                + "sla-overrun-factor, sla-overrun-sigma, unowned-rate, urgent-rate, found 'rework'",
                        "urgent-rate: expected a rate from 0 to 1, found 2.0"));
    }
}
