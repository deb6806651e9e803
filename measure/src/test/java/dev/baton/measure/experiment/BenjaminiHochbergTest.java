package dev.baton.measure.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {

    @Test
    void aHandComputedExample() {
        // Sorted: 0.01 (rank 1), 0.02 (2), 0.03 (3), 0.04 (4), 0.20 (5); m = 5.
        // raw p·m/rank: 0.05, 0.05, 0.05, 0.05, 0.20 → monotone from the top: unchanged.
        double[] adjusted = BenjaminiHochberg.adjust(new double[] {0.04, 0.01, 0.20, 0.03, 0.02});
        assertThat(adjusted).containsExactly(new double[] {0.05, 0.05, 0.20, 0.05, 0.05}, within(1e-12));
    }

    @Test
    void stepUpTakesTheMinimumFromAbove() {
        // Sorted 0.001, 0.04, 0.045, 0.9 (m = 4): 0.004, 0.08, 0.06, 0.9 → 0.004, 0.06, 0.06, 0.9.
        double[] adjusted = BenjaminiHochberg.adjust(new double[] {0.9, 0.045, 0.001, 0.04});
        assertThat(adjusted).containsExactly(new double[] {0.9, 0.06, 0.004, 0.06}, within(1e-12));
    }

    @Test
    void growthBooksOwnTestCase() {
        double[] adjusted = BenjaminiHochberg.adjust(new double[] {0.898, 0.138, 0.007, 0.964, 0.538, 0.006, 0.138});
        assertThat(adjusted).containsExactly(new double[] {0.964, 0.2415, 0.0245, 0.964, 0.7532, 0.0245, 0.2415},
                within(1e-9));
    }

    @Test
    void adjustedValuesAreCappedAtOne() {
        assertThat(BenjaminiHochberg.adjust(new double[] {0.6, 0.7})).containsExactly(0.7, 0.7);
        assertThat(BenjaminiHochberg.adjust(new double[] {0.3})).containsExactly(0.3);
    }
}
