package dev.baton.measure.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

/** Assertions on reference figures: to a relative tolerance, or to the decimals a tool printed. */
final class Figures {

    private Figures() {
    }

    static void close(double actual, double expected, double relative) {
        assertThat(actual).isCloseTo(expected, within(relative * Math.max(Math.abs(expected), 1e-300)));
    }

    /** Equal after rounding to {@code decimals}, as gbstats' tests compare (np.round). */
    static void rounded(double actual, double expected, int decimals) {
        double scale = Math.pow(10, decimals);
        assertThat(Math.round(actual * scale) / scale).as("%s rounded to %d decimals", actual, decimals)
                .isCloseTo(expected, within(0.5 / scale));
    }

    static Comparison only(List<Comparison> comparisons) {
        assertThat(comparisons).hasSize(1);
        return comparisons.get(0);
    }

    static Comparison compare(Settings settings, ArmStatistic a, ArmStatistic b) {
        return only(ExperimentAnalysis.compare("m", List.of(new Arm("control", a), new Arm("treatment", b)), settings)
                .comparisons());
    }
}
