package dev.baton.measure.experiment;

import static dev.baton.measure.experiment.Figures.rounded;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GrowthBook's SRM check with its TypeScript semantics (GB-SRM vector). */
class SrmTest {

    static double p(List<Long> users, List<Double> weights) {
        return Srm.check(users, weights).pValue();
    }

    @Test
    void theGrowthBookTestFiguresToNineDecimals() {
        rounded(p(List.of(1000L, 1200L), List.of(0.5, 0.5)), 0.000020079, 9);
        rounded(p(List.of(135L, 115L), List.of(0.5, 0.5)), 0.205903211, 9);
    }

    @Test
    void figuresWherePythonAndTypeScriptAgree() {
        rounded(p(List.of(1000L, 1200L), List.of(0.5, 0.5)), 2.007865612426481e-05, 9);
        rounded(p(List.of(310L, 98L), List.of(0.75, 0.25)), 0.647434185701797, 9);
        rounded(p(List.of(500L, 500L, 600L), List.of(0.34, 0.33, 0.33)), 0.0005926379315273186, 9);
        rounded(p(List.of(0L, 10L, 10L), List.of(0.34, 0.33, 0.33)), 0.0057906244034232005, 9);
        assertThat(p(List.of(500L, 500L), List.of(0.5, 0.5))).isEqualTo(1.0);
    }

    @Test
    void aZeroWeightArmIsDroppedWithItsUsersAsInTypeScript() {
        // Python's check_srm gives 2.88e-60 here: it keeps the 900 users in the total and the df.
        double ts = p(List.of(1000L, 1200L, 900L), List.of(0.5, 0.5, 0.0));
        rounded(ts, 2.0079e-05, 9);
        assertThat(ts).isEqualTo(p(List.of(1000L, 1200L), List.of(0.5, 0.5)));
    }

    @Test
    void anArmWithoutAUserCountIsDroppedAndFewerThanTwoArmsOrNoUsersGiveOne() {
        assertThat(p(Arrays.asList(1000L, null, 1200L), List.of(1.0, 1.0, 1.0)))
                .isEqualTo(p(List.of(1000L, 1200L), List.of(0.5, 0.5)));
        Srm.Result one = Srm.check(List.of(1000L, 1200L), List.of(1.0, 0.0));
        assertThat(one.pValue()).isEqualTo(1.0);
        assertThat(one.explanation()).contains("fewer than 2 arms");
        Srm.Result none = Srm.check(List.of(0L, 0L), List.of(0.5, 0.5));
        assertThat(none.pValue()).isEqualTo(1.0);
        assertThat(none.explanation()).contains("no users");
    }

    @Test
    void farTailPValuesKeepTheirPrecision() {
        // 1 − CDF would be 0 here; the survival function is not.
        double tiny = p(List.of(10000L, 13000L), List.of(0.5, 0.5));
        assertThat(tiny).isGreaterThan(0).isLessThan(1e-80);
        assertThat(Srm.check(List.of(10000L, 13000L), List.of(0.5, 0.5)).mismatch()).isTrue();
    }

    @Test
    void badCountsAndWeightsAreRefusedWithAMessageNotANaN() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Srm.check(List.of(1000L, -3L), List.of(0.5, 0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a user count of 0 or more for arm 2, found -3");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Srm.check(List.of(1000L, 1200L), List.of(0.5, -0.5)))
                .hasMessage("expected a weight of 0 or more for arm 2, found -0.5");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Srm.check(List.of(1000L, 1200L), List.of(0.5, Double.NaN)))
                .hasMessage("expected a weight of 0 or more for arm 2, found NaN");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Srm.check(List.of(1000L, 1200L), List.of(0.5, 0.3, 0.2)))
                .hasMessage("expected one weight per arm (2), found 3");
    }
}
