package dev.baton.measure.experiment.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.measure.experiment.CupedRatioStatistic;
import dev.baton.measure.experiment.CupedStatistic;
import dev.baton.measure.experiment.ExperimentAnalysis;
import dev.baton.measure.experiment.MetricResult;
import dev.baton.measure.experiment.Method;
import dev.baton.measure.experiment.Proportion;
import dev.baton.measure.experiment.RatioStatistic;
import dev.baton.measure.experiment.SampleMean;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsFileTest {

    static List<String> refused(String yaml) {
        try {
            StatsFile.read(yaml);
        } catch (InputRefused e) {
            return e.lines("stats.yaml");
        }
        throw new AssertionError("expected the file to be refused");
    }

    @Test
    void aMeanMetricWithDefaults() throws Exception {
        StatsRequest r = StatsFile.read("""
                arms:
                  - {name: control, n: 3407, sum: 1396.87, sum-squares: 52377.9767}
                  - {name: treatment, n: 3461, sum: 2422.7, sum-squares: 134698.29}
                """);
        assertThat(r.arms()).hasSize(2);
        assertThat(r.arms().get(0).statistic()).isEqualTo(new SampleMean(3407, 1396.87, 52377.9767));
        assertThat(r.settings().method()).isEqualTo(Method.FREQUENTIST);
        assertThat(r.settings().alpha()).isEqualTo(0.05);
        assertThat(r.settings().sequentialTuning()).isEqualTo(5000);
        assertThat(r.weights()).containsExactly(0.5, 0.5);
        assertThat(r.analyze().metrics().get(0).comparisons().get(0).pValue()).isBetween(0.0619, 0.0620);
    }

    @Test
    void proportionsRatiosAndCupedReadTheirFields() throws Exception {
        assertThat(StatsFile.read("""
                metric: proportion
                arms: [{n: 28, sum: 14}, {n: 30, sum: 16}]
                """).arms().get(1).statistic()).isEqualTo(new Proportion(30, 16));
        assertThat(StatsFile.read("""
                metric: ratio
                arms:
                  - {n: 10, sum: 50, sum-squares: 400, denominator-sum: 20, denominator-sum-squares: 60, main-denominator-sum-product: 120}
                  - {n: 10, sum: 55, sum-squares: 450, denominator-sum: 21, denominator-sum-squares: 63, main-denominator-sum-product: 130}
                """).arms().get(0).statistic()).isInstanceOf(RatioStatistic.class);
        StatsRequest cuped = StatsFile.read("""
                method: bayesian
                prior: {mean: 0, variance: 0.09}
                arms:
                  - {n: 3001, sum: 300, sum-squares: 600, covariate-sum: 210, covariate-sum-squares: 415, main-covariate-sum-product: -20}
                  - {n: 3000, sum: 222, sum-squares: 555, covariate-sum: 120, covariate-sum-squares: 405, main-covariate-sum-product: -10}
                """);
        assertThat(cuped.arms().get(0).statistic()).isInstanceOf(CupedStatistic.class);
        assertThat(cuped.settings().prior().variance()).isEqualTo(0.09);
    }

    @Test
    void aRatioWithCupedReadsThePrePeriodRatioAndItsSixProducts() throws Exception {
        StatsRequest r = StatsFile.read("""
                metric: ratio
                arms:
                  - {n: 100, sum: 485.112236689623, sum-squares: 2715.484666118136, denominator-sum: 679.9093275844917, denominator-sum-squares: 4939.424001640236, main-denominator-sum-product: 3602.146836776702, covariate-sum: 192.59138069991536, covariate-sum-squares: 460.076026390857, denominator-pre-sum: 290.1398399750233, denominator-pre-sum-squares: 920.9461385038898, main-covariate-sum-product: 1113.6215759318352, denominator-post-denominator-pre-sum-product: 2130.9404074446747, main-pre-denominator-pre-sum-product: 634.239482353647, main-post-denominator-pre-sum-product: 1559.2878434944676, main-pre-denominator-post-sum-product: 1460.3181079276983}
                  - {n: 100, sum: 514.7757826608777, sum-squares: 2994.897482705013, denominator-sum: 705.4090874383759, denominator-sum-squares: 5291.36604146392, main-denominator-sum-product: 3918.1561431600717, covariate-sum: 206.94157227402536, covariate-sum-squares: 514.2903702246757, denominator-pre-sum: 302.54389139107326, denominator-pre-sum-squares: 994.4506208125663, main-covariate-sum-product: 1237.0953021125997, denominator-post-denominator-pre-sum-product: 2292.081739775257, main-pre-denominator-pre-sum-product: 698.4173425817908, main-post-denominator-pre-sum-product: 1701.0287270040265, main-pre-denominator-post-sum-product: 1604.0759503266522}
                """);
        CupedRatioStatistic a = (CupedRatioStatistic) r.arms().get(0).statistic();
        assertThat(a.products().numeratorPreDenominator()).isEqualTo(1559.2878434944676);
        assertThat(a.products().preNumeratorDenominator()).isEqualTo(1460.3181079276983);
        assertThat(a.preDenominator()).isEqualTo(new SampleMean(100, 290.1398399750233, 920.9461385038898));
        // the gbstats figure of this case (tests/frequentist/test_tests.py), through the file
        MetricResult m = ExperimentAnalysis.compare("revenue per order", r.arms(), r.settings());
        assertThat(Math.round(m.comparisons().get(0).pValue() * 1e5) / 1e5).isEqualTo(0.85771);
    }

    @Test
    void aRatioWithCupedNamesEveryMissingPrePeriodFigure() {
        List<String> lines = refused("""
                metric: ratio
                arms:
                  - {n: 10, sum: 50, sum-squares: 400, denominator-sum: 20, denominator-sum-squares: 60, main-denominator-sum-product: 120, covariate-sum: 40}
                  - {n: 10, sum: 55, sum-squares: 450, denominator-sum: 21, denominator-sum-squares: 63, main-denominator-sum-product: 130, covariate-sum: 41}
                """);
        assertThat(lines).anyMatch(l -> l.contains("arms[0]") && l.contains("denominator-pre-sum")
                && l.contains("pre-period denominator"));
        assertThat(lines).anyMatch(l -> l.contains("arms[1]") && l.contains("main-pre-denominator-post-sum-product"));
    }

    @Test
    void aNegativeNIsPlacedAtItsKeyWithItsPath() {
        List<String> lines = refused("""
                metric: mean
                arms:
                  - name: control
                    n: 100
                    sum: 10
                    sum-squares: 20
                  - n: -3
                    sum: 10
                    sum-squares: 20
                """);
        assertThat(lines).containsExactly("stats.yaml:7:5: arms[1].n: expected a positive integer, found -3");
    }

    @Test
    void everyMistakeIsReportedAtOnceInFileOrder() {
        List<String> lines = refused("""
                metric: proportion
                method: bayes
                weights: [0.5, 0.3, 0.2]
                arms:
                  - {name: a, n: 100, sum: 120}
                  - {name: b, n: 10.5, sum: 3}
                """);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("stats.yaml:2:1: method: expected frequentist, bayesian or sequential,"
                + " found 'bayes'");
        assertThat(lines.get(1)).startsWith("stats.yaml:3:1: weights: expected one weight per arm (2), found 3");
        assertThat(lines.get(2)).startsWith("stats.yaml:5:").contains("arms[0].sum: expected conversions between 0"
                + " and n = 100, found 120");
        assertThat(lines.get(3)).contains("arms[1].n: expected a positive integer, found 10.5");
    }

    @Test
    void aSumOfSquaresBelowSumSquaredOverNIsRefused() {
        List<String> lines = refused("""
                arms:
                  - {n: 100, sum: 100, sum-squares: 50}
                  - {n: 100, sum: 100, sum-squares: 150}
                """);
        assertThat(lines).singleElement().asString().contains("arms[0].sum-squares: expected at least sum²/n = 100")
                .contains("found 50");
    }

    @Test
    void missingFieldsTheMetricNeedsAreNamed() {
        List<String> lines = refused("""
                metric: ratio
                arms:
                  - {n: 10, sum: 50, sum-squares: 400}
                  - {n: 10, sum: 55, sum-squares: 450, denominator-sum: 21, denominator-sum-squares: 63, main-denominator-sum-product: 130}
                """);
        assertThat(lines).hasSize(3).allMatch(l -> l.startsWith("stats.yaml:3:5: arms[0].")
                && l.contains("ratio metric needs"));
        List<String> cuped = refused("""
                arms:
                  - {n: 10, sum: 50, sum-squares: 400, covariate-sum: 4, covariate-sum-squares: 5, main-covariate-sum-product: 20}
                  - {n: 10, sum: 55, sum-squares: 450}
                """);
        assertThat(cuped).hasSize(3).allMatch(l -> l.contains("arms[1].") && l.contains("CUPED needs"));
        assertThat(refused("arms: [{sum: 1, sum-squares: 1}, {n: 3, sum: 1, sum-squares: 1}]"))
                .singleElement().asString().contains("arms[0].n: expected 'n' (the number of units), found none");
    }

    @Test
    void fewerThanTwoArmsUnknownKeysAndBadSettingsAreRefused() {
        assertThat(refused("arms: [{n: 10, sum: 5, sum-squares: 10}]")).singleElement().asString()
                .isEqualTo("stats.yaml:1:1: arms: expected at least 2 arms (the first is the baseline), found 1");
        List<String> lines = refused("""
                alpha: 1.5
                methd: bayesian
                alternative: greater
                method: bayesian
                arms: [{n: 10, sum: 5, sum-squares: 10}, {n: 10, sum: 6, sum-squares: 12}]
                """);
        assertThat(lines).anyMatch(l -> l.contains("alpha: expected a number between 0 and 1"))
                .anyMatch(l -> l.contains("methd") && l.contains("did you mean 'method'"))
                .anyMatch(l -> l.contains("alternative: expected two-sided with method: bayesian"));
    }

    @Test
    void invalidYamlIsOneLineWithItsPlace() {
        assertThatThrownBy(() -> StatsFile.read("arms: [\n  - n: 3\n")).isInstanceOf(InputRefused.class)
                .satisfies(e -> assertThat(((InputRefused) e).lines("s.yaml").get(0)).startsWith("s.yaml:")
                        .contains("invalid YAML"));
    }
}
