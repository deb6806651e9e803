package dev.baton.measure.experiment;

import static dev.baton.measure.experiment.Figures.close;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MSPRT-BERNOULLI vector: figures produced by mixtureSPRT (R, GPL) on inputs regenerated
 * here from its rules; only the figures are used.
 */
class MsprtTest {

    static final Map<Integer, double[]> EXPECTED = Map.of(
            100, new double[] {0, 1},
            200, new double[] {0.437620469226514, 1},
            500, new double[] {0.431549164304828, 1},
            1000, new double[] {0.715603292202816, 1},
            1500, new double[] {1.21050457952101, 0.712380439461519},
            2000, new double[] {2.43946685856594, 0.385244869443987});

    @Test
    void bernoulliLambdaAndAlwaysValidPMatchMixtureSprtAtEveryListedN() {
        Msprt test = Msprt.bernoulli(0.09, 100, 0.05);
        int checked = 0;
        for (int i = 1; i <= 2000; i++) {
            Msprt.State s = test.observe(i % 10 == 0 ? 1 : 0, i % 8 == 0 ? 1 : 0);
            double[] expected = EXPECTED.get(i);
            if (expected != null) {
                checked++;
                if (expected[0] == 0) {
                    assertThat(s.lambda()).isZero();
                } else {
                    close(s.lambda(), expected[0], 1e-9);
                }
                close(s.alwaysValidP(), expected[1], 1e-9);
            }
        }
        assertThat(checked).isEqualTo(6);
        assertThat(test.state().decision()).isEqualTo("continue");
        assertThat(test.state().rejected()).isFalse();
    }

    @Test
    void rejectsOnceLambdaReachesOneOverAlphaAndStaysRejected() {
        Msprt test = Msprt.bernoulli(0.1, 0, 0.05);
        Msprt.State s = null;
        for (int i = 1; i <= 3000; i++) {
            s = test.observe(i % 10 == 0 ? 1 : 0, i % 3 == 0 ? 1 : 0);
        }
        assertThat(s.rejected()).isTrue();
        assertThat(s.decision()).isEqualTo("reject");
        assertThat(s.rejectedAt()).isBetween(1L, 3000L);
        assertThat(s.alwaysValidP()).isLessThan(0.05);
    }

    @Test
    void normalFamilyUsesTheKnownSigmaAndThePValueNeverRises() {
        Msprt test = Msprt.normal(1.0, 0.5, 0, 0.05);
        Msprt.State s = test.observe(0.0, 1.0);
        // n = 1, ȳ − x̄ = 1: Λ = sqrt(2/(2 + 0.25))·exp(0.25/(4·2.25)) < 1, so p stays 1
        close(s.lambda(), Math.sqrt(2 / 2.25) * Math.exp(0.25 / 9), 1e-12);
        assertThat(s.alwaysValidP()).isEqualTo(1.0);
        double previous = 1;
        for (int i = 0; i < 40; i++) {
            s = i < 20 ? test.observe(0.0, 1.0) : test.observe(1.0, 0.0);
            assertThat(s.alwaysValidP()).isLessThanOrEqualTo(previous);
            previous = s.alwaysValidP();
        }
        assertThat(s.rejected()).isTrue();
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> Msprt.normal(0, 0.1, 0, 0.05)).hasMessageContaining("sigma");
        assertThatThrownBy(() -> Msprt.bernoulli(-1, 0, 0.05)).hasMessageContaining("tau");
    }
}
