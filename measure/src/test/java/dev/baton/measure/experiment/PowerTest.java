package dev.baton.measure.experiment;

import static dev.baton.measure.experiment.Figures.close;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PowerTest {

    @Test
    void tenToTwelvePercentNeeds3841PerArmLikeRPowerPropTest() {
        // R: power.prop.test(p1 = .10, p2 = .12, power = .8) → n = 3840.847 (3841 per group).
        Power.Result r = Power.sampleSize(Power.Baseline.proportion(0.10), 0.02, 0.05, 0.8, true);
        assertThat(r.nPerArm()).isEqualTo(3841);
        close(r.relativeMde(), 0.2, 1e-12);
    }

    @Test
    void theMdeForThatSampleIsTheEffectBack() {
        Power.Result r = Power.minimumDetectableEffect(Power.Baseline.proportion(0.10), 3841, 0.05, 0.8, true);
        assertThat(r.absoluteMde()).isBetween(0.0199, 0.0200);
    }

    @Test
    void meansUseTheNormalApproximation() {
        // Textbook: δ = 0.5σ at α = 0.05 two-sided and 80% power → (1.95996 + 0.84162)²·2/0.25 = 62.79 → 63.
        Power.Result r = Power.sampleSize(Power.Baseline.mean(10, 4), 1, 0.05, 0.8, true);
        assertThat(r.nPerArm()).isEqualTo(63);
        Power.Result mde = Power.minimumDetectableEffect(Power.Baseline.mean(10, 4), 63, 0.05, 0.8, true);
        assertThat(mde.absoluteMde()).isBetween(0.99, 1.0);
        close(mde.relativeMde(), mde.absoluteMde() / 10, 1e-12);
    }

    @Test
    void oneSidedNeedsFewerUnits() {
        long two = Power.sampleSize(Power.Baseline.proportion(0.10), 0.02, 0.05, 0.8, true).nPerArm();
        long one = Power.sampleSize(Power.Baseline.proportion(0.10), 0.02, 0.05, 0.8, false).nPerArm();
        assertThat(one).isLessThan(two);
    }
}
