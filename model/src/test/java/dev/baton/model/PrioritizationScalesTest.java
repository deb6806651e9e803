package dev.baton.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrioritizationScalesTest {

    @Test
    void everyFixedInputHasItsScaleInWords() {
        for (PrioritizationScheme scheme : PrioritizationScheme.values()) {
            for (String input : scheme.inputs()) {
                assertThat(scheme.scale(input, null)).as(scheme + " " + input).isPresent();
            }
        }
        assertThat(PrioritizationScheme.RICE.scale("impact", null))
                .hasValueSatisfying(s -> assertThat(s).contains("3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal"));
        assertThat(PrioritizationScheme.RICE.scale("job-size", null)).as("a WSJF input is not a RICE input").isEmpty();
    }

    @Test
    void aWeightedInputSaysHowMuchItCounts() {
        assertThat(PrioritizationScheme.WEIGHTED.scale("strategic-fit", Map.of("strategic-fit", 3.0)))
                .hasValueSatisfying(s -> assertThat(s).contains("Counts 3 ×"));
        assertThat(PrioritizationScheme.WEIGHTED.scale("reach", Map.of("strategic-fit", 3.0))).isEmpty();
    }
}
