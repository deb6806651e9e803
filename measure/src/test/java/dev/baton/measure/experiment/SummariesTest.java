package dev.baton.measure.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummariesTest {

    @Test
    void fixedDecimalsRoundHalfUpWithoutANegativeZero() {
        assertThat(Summaries.fixed(-3.526, 1)).isEqualTo("-3.5");
        assertThat(Summaries.fixed(145.0, 1)).isEqualTo("145.0");
        assertThat(Summaries.fixed(-0.04, 1)).isEqualTo("0.0");
        assertThat(Summaries.fixed(0.0619118, 4)).isEqualTo("0.0619");
        assertThat(Summaries.fixed(0.99996, 4)).isEqualTo("1.0000");
        assertThat(Summaries.fixed(0.00705, 4)).isEqualTo("0.0071");
        assertThat(Summaries.fixed(2e16, 1)).isEqualTo("20000000000000000.0");
    }

    @Test
    void effectsAndPValuesReadAsPeopleWriteThem() {
        assertThat(Summaries.effect(0.7073170731707317, true)).isEqualTo("+70.7%");
        assertThat(Summaries.effect(-0.0352, true)).isEqualTo("-3.5%");
        assertThat(Summaries.effect(0.29, false)).isEqualTo("+0.29");
        assertThat(Summaries.p(2.0079e-05)).isEqualTo("2.0e-05");
        assertThat(Summaries.p(0.8070716832021887)).isEqualTo("0.8071");
    }
}
