package dev.baton.measure.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Degenerate inputs, guardrails and the adjustment across metrics, as a user sees them. */
class ExperimentAnalysisTest {

    static final Settings FREQ = Settings.defaults();

    static Comparison compare(Settings s, ArmStatistic a, ArmStatistic b) {
        return Figures.compare(s, a, b);
    }

    @Test
    void zeroVarianceGivesAnExplanationInsteadOfNumbers() {
        Comparison c = compare(FREQ, new SampleMean(100, 500, 2500), new SampleMean(100, 520, 2800));
        assertThat(c.defined()).isFalse();
        assertThat(c.explanation()).contains("'control' has zero variance");
        assertThat(c.expected()).isNull();
        assertThat(c.pValue()).isNull();
        assertThat(c.ci()).isNull();
        assertThat(c.summary()).contains("no estimate");
        Comparison allConverted = compare(FREQ, new Proportion(50, 50), new Proportion(50, 40));
        assertThat(allConverted.explanation()).contains("all or none converted");
    }

    @Test
    void fewerThanTwoUnitsGivesAnExplanation() {
        Comparison c = compare(FREQ, new SampleMean(1, 5, 25), new SampleMean(100, 520, 2800));
        assertThat(c.explanation()).contains("'control' has 1 unit").contains("at least 2");
    }

    @Test
    void aZeroBaselineMeanRefusesARelativeLiftButNotAnAbsoluteDifference() {
        SampleMean zero = new SampleMean(100, 0, 50);
        SampleMean arm = new SampleMean(100, 10, 60);
        Comparison relative = compare(FREQ, zero, arm);
        assertThat(relative.explanation()).contains("mean 0").contains("difference: absolute");
        Comparison absolute = compare(FREQ.withDifference(Difference.ABSOLUTE), zero, arm);
        assertThat(absolute.defined()).isTrue();
        assertThat(absolute.expected()).isEqualTo(0.1);
        assertThat(Double.isFinite(absolute.pValue())).isTrue();
    }

    @Test
    void everyArmIsComparedWithTheFirst() {
        MetricResult r = ExperimentAnalysis.compare("revenue", List.of(
                new Arm("control", new SampleMean(1000, 1000, 3000)),
                new Arm("b", new SampleMean(1000, 1100, 3400)),
                new Arm("c", new SampleMean(1000, 900, 2600))), FREQ);
        assertThat(r.comparisons()).extracting(Comparison::arm).containsExactly("b", "c");
        assertThat(r.comparisons()).extracting(Comparison::baseline).containsOnly("control");
        assertThat(r.kind()).isEqualTo("mean");
    }

    static ExperimentAnalysis.MetricInput metric(String name, ArmStatistic... arms) {
        return new ExperimentAnalysis.MetricInput(name, List.of(arms));
    }

    @Test
    void srmComesFirstAndBenjaminiHochbergAdjustsAcrossMetricsAndArms() {
        ExperimentResult r = ExperimentAnalysis.analyze("e1", List.of("control", "treatment"), List.of(1000L, 1200L),
                List.of(0.5, 0.5), List.of(
                        metric("m1", new Proportion(1000, 100), new Proportion(1200, 150)),
                        metric("m2", new Proportion(1000, 300), new Proportion(1200, 370))),
                FREQ, Plan.NONE);
        assertThat(r.srm().pValue()).isLessThan(0.001);
        assertThat(r.warnings().get(0).code()).isEqualTo("srm-mismatch");
        assertThat(r.warnings().get(0).message()).contains("sample ratio mismatch").contains("control 1,000")
                .contains("planned 50.0%");
        assertThat(r.bhAdjusted()).isTrue();
        double p1 = r.metrics().get(0).comparisons().get(0).pValue();
        double p2 = r.metrics().get(1).comparisons().get(0).pValue();
        double[] expected = BenjaminiHochberg.adjust(new double[] {p1, p2});
        assertThat(r.metrics().get(0).comparisons().get(0).pValueAdjusted()).isEqualTo(expected[0]);
        assertThat(r.metrics().get(1).comparisons().get(0).pValueAdjusted()).isEqualTo(expected[1]);
    }

    @Test
    void peekingIsFlaggedForFixedHorizonMethodsOnly() {
        List<ExperimentAnalysis.MetricInput> m = List.of(metric("m", new Proportion(1000, 100),
                new Proportion(1000, 120)));
        ExperimentResult early = ExperimentAnalysis.analyze("e", List.of("a", "b"), List.of(1000L, 1000L),
                List.of(0.5, 0.5), m, FREQ, new Plan(10_000L, 0));
        assertThat(early.warnings()).extracting(Warning::code).containsExactly("planned-size-not-reached");
        assertThat(early.warnings().get(0).message()).contains("2,000 of the planned 10,000 users");
        ExperimentResult peeked = ExperimentAnalysis.analyze("e", List.of("a", "b"), List.of(1000L, 1000L),
                List.of(0.5, 0.5), m, FREQ.withMethod(Method.BAYESIAN), new Plan(10_000L, 3));
        assertThat(peeked.warnings()).extracting(Warning::code).containsExactly("peeking");
        assertThat(peeked.warnings().get(0).message()).contains("3 times").contains("method: sequential");
        ExperimentResult sequential = ExperimentAnalysis.analyze("e", List.of("a", "b"), List.of(1000L, 1000L),
                List.of(0.5, 0.5), m, FREQ.withMethod(Method.SEQUENTIAL), new Plan(10_000L, 3));
        assertThat(sequential.warnings()).isEmpty();
        ExperimentResult done = ExperimentAnalysis.analyze("e", List.of("a", "b"), List.of(1000L, 1000L),
                List.of(0.5, 0.5), m, FREQ, new Plan(2_000L, 3));
        assertThat(done.warnings()).isEmpty();
    }

    @Test
    void aCupedCovariateThatDiffersBeforeTheExperimentIsFlagged() {
        CupedStatistic a = new CupedStatistic(5000, new SampleMean(5000, 5000, 10000),
                new SampleMean(5000, 5000, 10000), 9000);
        CupedStatistic b = new CupedStatistic(5000, new SampleMean(5000, 5600, 12000),
                new SampleMean(5000, 5600, 11500), 10500);
        MetricResult r = ExperimentAnalysis.compare("revenue", List.of(new Arm("control", a), new Arm("t", b)), FREQ);
        assertThat(r.warnings()).extracting(Warning::code).containsExactly("cuped-imbalance");
        assertThat(r.warnings().get(0).message()).contains("revenue").contains("before the experiment");
        assertThat(r.theta()).hasSize(1);
        CupedStatistic balanced = new CupedStatistic(5000, new SampleMean(5000, 5600, 12000),
                new SampleMean(5000, 5010, 10030), 10500);
        assertThat(ExperimentAnalysis.compare("revenue", List.of(new Arm("control", a), new Arm("t", balanced)), FREQ)
                .warnings()).isEmpty();
    }

    @Test
    void noFigureIsEverNotFinite() {
        for (Method method : Method.values()) {
            for (Difference difference : Difference.values()) {
                Settings s = FREQ.withMethod(method).withDifference(difference);
                for (ArmStatistic[] pair : new ArmStatistic[][] {
                        {new Proportion(10, 0), new Proportion(10, 3)},
                        {new Proportion(1_000_000, 1), new Proportion(1_000_000, 2000)},
                        {new SampleMean(2, 1, 1), new SampleMean(2, 1e300, 1e300)},
                        {new SampleMean(100_000, 1, 1), new SampleMean(100_000, 1e5, 1e6)}}) {
                    Comparison c = compare(s, pair[0], pair[1]);
                    for (Double d : new Double[] {c.expected(), c.upliftStddev(), c.pValue(), c.chanceToWin(),
                            c.ci() == null ? null : c.ci().low(), c.ci() == null ? null : c.ci().high()}) {
                        if (d != null) {
                            assertThat(Double.isFinite(d)).as("%s %s %s", method, difference, c).isTrue();
                        }
                    }
                    assertThat(c.defined() || c.explanation() != null).isTrue();
                }
            }
        }
    }
}
