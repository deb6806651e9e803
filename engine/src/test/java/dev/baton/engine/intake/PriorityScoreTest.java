package dev.baton.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.Prioritization;
import dev.baton.model.PrioritizationScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriorityScoreTest {

    @Test
    void riceReadsConfidenceAsAPercentAboveOne() {
        Prioritization rice = new Prioritization(PrioritizationScheme.RICE, Map.of());
        PriorityScore percent = PriorityScore.of(rice, Map.of("reach", 500.0, "impact", 3.0, "confidence", 50.0,
                "effort", 2.0));
        PriorityScore fraction = PriorityScore.of(rice, Map.of("reach", 500.0, "impact", 3.0, "confidence", 0.5,
                "effort", 2.0));
        assertThat(percent.value()).isEqualTo(375.0);
        assertThat(fraction.value()).isEqualTo(375.0);
        assertThat(percent.formula()).isEqualTo("RICE = reach 500 × impact 3 × confidence 0.5 / effort 2 = 375");
    }

    @Test
    void wsjfIsCostOfDelayOverJobSize() {
        PriorityScore s = PriorityScore.of(new Prioritization(PrioritizationScheme.WSJF, Map.of()),
                Map.of("business-value", 8.0, "time-criticality", 5.0, "risk-reduction", 3.0, "job-size", 3.0));
        assertThat(s.value()).isEqualTo(16.0 / 3);
        assertThat(s.formula()).isEqualTo("WSJF = (business-value 8 + time-criticality 5 + risk-reduction 3) "
                + "/ job-size 3 = 5.333");
    }

    @Test
    void weightedIsTheSumOfWeightTimesInput() {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("strategic-fit", 3.0);
        weights.put("audience-demand", 2.0);
        weights.put("search-volume", 1.0);
        PriorityScore s = PriorityScore.of(new Prioritization(PrioritizationScheme.WEIGHTED, weights),
                Map.of("strategic-fit", 4.0, "audience-demand", 2.5, "search-volume", 1200.0));
        assertThat(s.value()).isEqualTo(3 * 4 + 2 * 2.5 + 1200);
        assertThat(s.formula()).isEqualTo("weighted = 3 × strategic-fit 4 + 2 × audience-demand 2.5 "
                + "+ 1 × search-volume 1200 = 1217");
    }

    @Test
    void missingInputsOrAZeroDivisorGiveNoScore() {
        Prioritization rice = new Prioritization(PrioritizationScheme.RICE, Map.of());
        assertThat(PriorityScore.of(rice, Map.of("reach", 1.0))).satisfies(s -> {
            assertThat(s.value()).isNull();
            assertThat(s.formula()).isEqualTo("no RICE score: impact, confidence, effort are missing");
        });
        assertThat(PriorityScore.of(rice, Map.of("reach", 1.0, "impact", 1.0, "confidence", 1.0, "effort", 0.0))
                .value()).isNull();
        assertThat(PriorityScore.of(null, Map.of()).value()).isNull();
    }
}
