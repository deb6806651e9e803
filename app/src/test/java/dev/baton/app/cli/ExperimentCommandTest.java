package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code baton experiment} contracts: JSON keys per method, figures, and every refusal of bad input. */
class ExperimentCommandTest {

    @TempDir
    Path tmp;

    static final String ARMS = """
            arms:
              - {name: control, n: 3407, sum: 1396.87, sum-squares: 52377.9767}
              - {name: treatment, n: 3461, sum: 2422.7, sum-squares: 134698.29}
            """;

    Path stats(String yaml) throws Exception {
        Path file = tmp.resolve("stats.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    CliRun analyze(String yaml) throws Exception {
        return CliRun.of("experiment", "analyze", "--stats", stats(yaml).toString(), "--format", "json");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> first(CliRun run) {
        return ((List<Map<String, Object>>) run.jsonObject().get("comparisons")).get(0);
    }

    static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    @Test
    void frequentistJsonHasThePValueAndNoBayesianKeys() throws Exception {
        CliRun run = analyze("metric: mean\ndifference: relative\nmethod: frequentist\nalpha: 0.05\n" + ARMS);

        assertThat(run.exitCode()).isZero();
        Map<String, Object> json = run.jsonObject();
        assertThat(json.keySet().iterator().next()).isEqualTo("srm");
        assertThat((Map<String, Object>) json.get("srm")).containsKey("pValue");
        Map<String, Object> c = first(run);
        assertThat(c).containsEntry("arm", "treatment").containsEntry("baseline", "control")
                .containsKeys("baselineMean", "armMean", "expected", "ci", "upliftStddev", "pValue")
                .doesNotContainKeys("chanceToWin", "risk");
        assertThat(number(c.get("baselineMean"))).isEqualTo(0.41);
        assertThat(number(c.get("expected"))).isCloseTo(0.7073170731707317, within(1e-12));
        assertThat(number(c.get("pValue"))).isCloseTo(0.06191182745618362, within(1e-12));
        List<?> ci = (List<?>) c.get("ci");
        assertThat(number(ci.get(0))).isCloseTo(-0.03526008906611777, within(1e-12));
        assertThat(number(ci.get(1))).isCloseTo(1.449894235407581, within(1e-12));
        assertThat(number(c.get("upliftStddev"))).isCloseTo(0.3787943616681428, within(1e-12));
        assertThat(run.out()).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void sequentialJsonMatchesGbSeqMeanT1000() throws Exception {
        CliRun run = analyze("""
                method: sequential
                sequential-tuning: 1000
                arms:
                  - {name: control, n: 3000, sum: 1396.87, sum-squares: 52377.9767}
                  - {name: treatment, n: 3461, sum: 2422.7, sum-squares: 134698.29}
                """);

        assertThat(run.exitCode()).isZero();
        Map<String, Object> c = first(run);
        assertThat(c).doesNotContainKeys("chanceToWin", "risk");
        assertThat(number(c.get("pValue"))).isEqualTo(1.0);
        assertThat(number(((List<?>) c.get("ci")).get(0))).isCloseTo(-0.5584405051077315, within(1e-12));
    }

    @Test
    void bayesianJsonHasChanceToWinAndRiskButNoPValue() throws Exception {
        CliRun run = analyze("""
                metric: proportion
                method: bayesian
                arms:
                  - {name: control, n: 100, sum: 49}
                  - {name: treatment, n: 100, sum: 51}
                """);

        assertThat(run.exitCode()).isZero();
        Map<String, Object> c = first(run);
        assertThat(c).containsKeys("chanceToWin", "risk", "ci", "expected").doesNotContainKey("pValue");
        assertThat(number(c.get("chanceToWin"))).isCloseTo(0.6091813095808981, within(1e-12));
        List<?> risk = (List<?>) c.get("risk");
        assertThat(number(risk.get(0))).isCloseTo(0.0813958491551631, within(1e-12));
        assertThat(number(risk.get(1))).isCloseTo(0.04057952262455082, within(1e-12));
    }

    @Test
    void cupedAndAProperPriorComeFromTheStatsFile() throws Exception {
        CliRun run = analyze("""
                arms:
                  - {name: zero, n: 3001, sum: 300, sum-squares: 600, covariate-sum: 210, covariate-sum-squares: 415, main-covariate-sum-product: -20}
                  - {name: one, n: 3000, sum: 222, sum-squares: 555, covariate-sum: 120, covariate-sum-squares: 405, main-covariate-sum-product: -10}
                """);

        assertThat(run.exitCode()).isZero();
        assertThat(number(first(run).get("pValue"))).isCloseTo(0.003732548615239084, within(1e-12));
        assertThat(number(((List<?>) run.jsonObject().get("theta")).get(0))).isCloseTo(-0.07321194034813545,
                within(1e-12));
    }

    @Test
    void textShowsTheSrmFirstThenTheVerdict() throws Exception {
        CliRun run = CliRun.of("experiment", "analyze", "--stats", stats(ARMS).toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow()).startsWith("SRM: p = ");
        assertThat(run.out()).contains("'treatment' vs 'control': +70.7% (95% CI -3.5% to +145.0%), p = 0.0619: "
                + "not significant at α = 0.05");
    }

    @Test
    void aZeroVarianceArmIsExplainedNotANumber() throws Exception {
        CliRun run = analyze("""
                arms:
                  - {name: control, n: 100, sum: 500, sum-squares: 2500}
                  - {name: treatment, n: 100, sum: 520, sum-squares: 2800}
                """);

        assertThat(run.exitCode()).isZero();
        Map<String, Object> c = first(run);
        assertThat((String) c.get("explanation")).contains("'control' has zero variance");
        assertThat(c).doesNotContainKeys("pValue", "expected", "ci");
        assertThat(run.out()).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void aZeroBaselineMeanWithARelativeDifferenceIsExplained() throws Exception {
        CliRun run = analyze("""
                arms:
                  - {name: control, n: 100, sum: 0, sum-squares: 50}
                  - {name: treatment, n: 100, sum: 10, sum-squares: 60}
                """);

        assertThat(run.exitCode()).isZero();
        assertThat((String) first(run).get("explanation")).contains("mean 0").contains("difference: absolute");
    }

    @Test
    void aSampleRatioMismatchIsTheFirstWarning() throws Exception {
        CliRun run = analyze("""
                weights: [0.5, 0.5]
                arms:
                  - {name: control, n: 1000, sum: 100, sum-squares: 300}
                  - {name: treatment, n: 1200, sum: 130, sum-squares: 400}
                """);

        assertThat(run.exitCode()).isZero();
        Map<String, Object> json = run.jsonObject();
        assertThat(number(((Map<?, ?>) json.get("srm")).get("pValue"))).isCloseTo(2.0079e-05, within(1e-9));
        assertThat(CliRun.objects(json, "warnings").get(0)).containsEntry("code", "srm-mismatch");
    }

    @Test
    void peekingIsFlaggedWhenTheStatsSayTheyWereLookedAtEarly() throws Exception {
        CliRun run = analyze("planned-users: 20000\nprevious-looks: 2\n" + ARMS);

        assertThat(CliRun.objects(run.jsonObject(), "warnings")).extracting(w -> w.get("code"))
                .containsExactly("peeking");
    }

    CliRun refusedRun(String yaml) throws Exception {
        CliRun run = analyze(yaml);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Baton.INVALID);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("NaN");
        return run;
    }

    @Test
    void aNegativeNIsRefusedWithFileLineColumnAndPath() throws Exception {
        CliRun run = refusedRun("""
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

        assertThat(run.err().strip()).isEqualTo(tmp.resolve("stats.yaml")
                + ":7:5: arms[1].n: expected a positive integer, found -3");
    }

    @Test
    void everyBadInputIsRefusedAndAllAreReportedTogether() throws Exception {
        CliRun run = refusedRun("""
                metric: proportion
                method: bayes
                weights: [0.5, 0.5, 0.0]
                arms:
                  - {name: a, n: 100, sum: 120}
                  - {name: b, n: -5, sum: 3}
                """);

        List<String> lines = run.err().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines).anyMatch(l -> l.contains(":2:1: method: expected frequentist, bayesian or sequential, "
                + "found 'bayes'"));
        assertThat(lines).anyMatch(l -> l.contains(":3:1: weights: expected one weight per arm (2), found 3"));
        assertThat(lines).anyMatch(l -> l.contains("arms[0].sum: expected conversions between 0 and n = 100, found 120"));
        assertThat(lines).anyMatch(l -> l.contains("arms[1].n: expected a positive integer, found -5"));
    }

    @Test
    void inconsistentSumsMissingFieldsAndTooFewArmsAreRefused() throws Exception {
        assertThat(refusedRun("""
                arms:
                  - {n: 100, sum: 100, sum-squares: 50}
                  - {n: 100, sum: 100, sum-squares: 150}
                """).err()).contains(":2:").contains("arms[0].sum-squares: expected at least sum²/n = 100");
        assertThat(refusedRun("""
                metric: mean
                arms:
                  - {n: 100, sum: 10}
                  - {n: 100, sum: 10, sum-squares: 30}
                """).err()).contains("arms[0].sum-squares: expected 'sum-squares'");
        assertThat(refusedRun("arms:\n  - {n: 10, sum: 5, sum-squares: 10}\n").err())
                .contains(":1:1: arms: expected at least 2 arms");
        assertThat(refusedRun("method: magic\n" + ARMS).err()).contains(":1:1: method: expected frequentist, "
                + "bayesian or sequential, found 'magic'");
        assertThat(refusedRun("metric: ratio\n" + ARMS).err()).contains("arms[0].denominator-sum")
                .contains("arms[1].main-denominator-sum-product");
    }

    @Test
    void anArmWithoutItsFiguresOrNotThereAtAllIsRefused() throws Exception {
        List<String> missing = refusedRun("""
                arms:
                  - {name: control, n: 100, sum: 10, sum-squares: 20}
                  - {name: treatment}
                """).err().lines().toList();
        assertThat(missing).anyMatch(l -> l.contains(":3:5: arms[1].n: expected 'n'"));
        assertThat(missing).anyMatch(l -> l.contains("arms[1].sum: expected 'sum'"));
        assertThat(missing).anyMatch(l -> l.contains("arms[1].sum-squares: expected 'sum-squares'"));
        assertThat(refusedRun("""
                arms:
                  - {name: control, n: 100, sum: 10, sum-squares: 20}
                  -
                """).err()).contains(":3:").contains("arms[1]");
        assertThat(refusedRun("arms: []\n").err()).contains("arms: expected at least 2 arms");
        assertThat(refusedRun("weights: [0.5, 0.5]\n").err()).contains("arms: expected 'arms'");
    }

    @Test
    void inconsistentCovariateAndDenominatorSumsAreRefusedToo() throws Exception {
        assertThat(refusedRun("""
                arms:
                  - {n: 100, sum: 10, sum-squares: 20, covariate-sum: 50, covariate-sum-squares: 10, main-covariate-sum-product: 5}
                  - {n: 100, sum: 10, sum-squares: 20, covariate-sum: 50, covariate-sum-squares: 40, main-covariate-sum-product: 5}
                """).err()).contains("arms[0].covariate-sum-squares: expected at least covariate-sum²/n = 25");
        assertThat(refusedRun("""
                arms:
                  - {n: 100, sum: 10, sum-squares: 20, covariate-sum: 50, covariate-sum-squares: 40, main-covariate-sum-product: 500}
                  - {n: 100, sum: 10, sum-squares: 20, covariate-sum: 50, covariate-sum-squares: 40, main-covariate-sum-product: 5}
                """).err()).contains("arms[0].main-covariate-sum-product: expected a value that gives a correlation "
                + "between −1 and 1");
        assertThat(refusedRun("""
                metric: ratio
                arms:
                  - {n: 10, sum: 50, sum-squares: 400, denominator-sum: 20, denominator-sum-squares: 30, main-denominator-sum-product: 120}
                  - {n: 10, sum: 55, sum-squares: 450, denominator-sum: 21, denominator-sum-squares: 63, main-denominator-sum-product: 130}
                """).err()).contains("arms[0].denominator-sum-squares: expected at least denominator-sum²/n = 40");
    }

    @Test
    void srmRefusesEmptyAndNegativeWeightsAndAMissingArm() {
        CliRun negative = CliRun.of("experiment", "srm", "--users", "1000,1200", "--weights", "0.5,-0.5");
        assertThat(negative.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(negative.err()).contains("--weights").doesNotContain("NaN").doesNotContain("Exception");
        CliRun one = CliRun.of("experiment", "srm", "--users", "1000", "--format", "json");
        assertThat(one.err() + one.out()).doesNotContain("NaN").doesNotContain("Exception");
        // an arm without a count is left out, as GrowthBook does: the other two are compared
        CliRun hole = CliRun.of("experiment", "srm", "--users", "1000,,1200", "--format", "json");
        assertThat(hole.exitCode()).as(hole.err()).isZero();
        assertThat(number(hole.jsonObject().get("pValue"))).isCloseTo(2.0079e-05, within(5e-10));
        CliRun word = CliRun.of("experiment", "srm", "--users", "1000,many");
        assertThat(word.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(word.err()).contains("--users: entry 2").doesNotContain("Exception");
    }

    @Test
    void aMissingOrUnreadableStatsFileIsExitOne() {
        CliRun run = CliRun.of("experiment", "analyze", "--stats", tmp.resolve("none.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(run.err()).contains("none.yaml").contains("no such file");
    }

    @Test
    void srmJsonWithTypeScriptSemantics() {
        CliRun run = CliRun.of("experiment", "srm", "--users", "1000,1200", "--weights", "0.5,0.5", "--format", "json");
        assertThat(run.exitCode()).isZero();
        assertThat(number(run.jsonObject().get("pValue"))).isCloseTo(2.0079e-05, within(5e-10));
        CliRun zero = CliRun.of("experiment", "srm", "--users", "1000,1200,900", "--weights", "0.5,0.5,0",
                "--format", "json");
        assertThat(number(zero.jsonObject().get("pValue"))).isCloseTo(2.0079e-05, within(5e-10));
        CliRun equal = CliRun.of("experiment", "srm", "--users", "135,115", "--format", "json");
        assertThat(number(equal.jsonObject().get("pValue"))).isCloseTo(0.205903211, within(5e-10));
    }

    @Test
    void srmRefusesWeightsThatDoNotMatchTheUsers() {
        CliRun run = CliRun.of("experiment", "srm", "--users", "1000,1200", "--weights", "0.5,0.3,0.2");
        assertThat(run.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(run.err().strip()).isEqualTo("baton: --weights: expected one weight per user count (2), found 3");
        CliRun negative = CliRun.of("experiment", "srm", "--users", "1000,-3");
        assertThat(negative.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(negative.err()).contains("--users: entry 2: expected a user count");
    }

    Path observations(int rows) throws Exception {
        StringBuilder csv = new StringBuilder("control,treatment\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(i % 10 == 0 ? 1 : 0).append(',').append(i % 8 == 0 ? 1 : 0).append('\n');
        }
        Path file = tmp.resolve("obs-" + rows + ".csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void msprtBernoulliMatchesMixtureSprtAtEveryListedN() throws Exception {
        Map<Integer, double[]> expected = Map.of(
                100, new double[] {0, 1},
                200, new double[] {0.437620469226514, 1},
                500, new double[] {0.431549164304828, 1},
                1000, new double[] {0.715603292202816, 1},
                1500, new double[] {1.21050457952101, 0.712380439461519},
                2000, new double[] {2.43946685856594, 0.385244869443987});
        for (var e : expected.entrySet()) {
            CliRun run = CliRun.of("experiment", "msprt", "--observations", observations(e.getKey()).toString(),
                    "--family", "bernoulli", "--tau", "0.09", "--burn-in", "100", "--alpha", "0.05", "--format", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            Map<String, Object> json = run.jsonObject();
            assertThat(json).containsKeys("n", "lambda", "alwaysValidP", "decision");
            assertThat(number(json.get("n"))).isEqualTo(e.getKey().doubleValue());
            double lambda = e.getValue()[0];
            assertThat(number(json.get("lambda"))).isCloseTo(lambda, within(1e-9 * Math.max(lambda, 1e-300)));
            assertThat(number(json.get("alwaysValidP"))).isCloseTo(e.getValue()[1], within(1e-9 * e.getValue()[1]));
            assertThat(json).containsEntry("decision", "continue");
        }
    }

    @Test
    void msprtNormalNeedsSigmaAndBadRowsAreRefusedWithTheirLine() throws Exception {
        CliRun noSigma = CliRun.of("experiment", "msprt", "--observations", observations(10).toString(),
                "--family", "normal", "--tau", "0.1");
        assertThat(noSigma.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(noSigma.err()).contains("--sigma");
        CliRun normal = CliRun.of("experiment", "msprt", "--observations", observations(10).toString(),
                "--family", "normal", "--tau", "0.1", "--sigma", "0.5", "--format", "json");
        assertThat(normal.exitCode()).isZero();
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "control,treatment\n0,1\n0,2\nx,1\n");
        CliRun run = CliRun.of("experiment", "msprt", "--observations", bad.toString(), "--family", "bernoulli",
                "--tau", "0.1");
        assertThat(run.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(run.err().lines().toList()).containsExactly(
                bad + ":3: treatment: expected 0 or 1 with --family bernoulli, found '2'",
                bad + ":4: control: expected a number, found 'x'");
    }

    @Test
    void unitLevelDataAnalysesEveryExperimentAndMetricWithSrmAndAdjustedPValues() throws Exception {
        StringBuilder csv = new StringBuilder("experiment,unit,variant,converted,revenue,pre_revenue\n");
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 4000; i++) {
            String e = i % 2 == 0 ? "checkout" : "pricing";
            boolean treated = random.nextInt(100) < (e.equals("pricing") ? 60 : 50);
            double pre = random.nextInt(100);
            double revenue = pre * 0.5 + random.nextGaussian() * 10 + (treated ? 3 : 0);
            csv.append(e).append(",u").append(i).append(',').append(treated ? "treatment" : "control").append(',')
                    .append(random.nextInt(10) < (treated ? 3 : 2) ? 1 : 0).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.2f", revenue)).append(',').append(pre).append('\n');
        }
        Path file = tmp.resolve("units.csv");
        Files.writeString(file, csv);

        CliRun run = CliRun.of("experiment", "analyze", "--units", file.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Map<String, Object>> experiments = CliRun.objects(run.jsonObject(), "experiments");
        assertThat(experiments).extracting(e -> e.get("experiment")).containsExactly("checkout", "pricing");
        Map<String, Object> pricing = experiments.get(1);
        assertThat(((Map<?, ?>) pricing.get("srm")).get("mismatch")).isEqualTo(true);
        assertThat(pricing).containsEntry("pValueAdjustment", "benjamini-hochberg");
        List<Map<String, Object>> metrics = CliRun.objects(pricing, "metrics");
        assertThat(metrics).extracting(m -> m.get("kind")).containsExactly("proportion", "cuped");
        Map<String, Object> revenue = CliRun.objects(metrics.get(1), "comparisons").get(0);
        assertThat(revenue).containsKeys("pValue", "pValueAdjusted");
        assertThat(CliRun.objects(pricing, "warnings").get(0)).containsEntry("code", "srm-mismatch");
        assertThat(run.out()).doesNotContain("NaN");

        CliRun both = CliRun.of("experiment", "analyze", "--units", file.toString(), "--metric", "converted",
                "revenue", "--format", "json");
        assertThat(CliRun.objects(CliRun.objects(both.jsonObject(), "experiments").get(0), "metrics")).hasSize(2);
        CliRun text = CliRun.of("experiment", "analyze", "--units", file.toString(), "--metric", "revenue",
                "--method", "bayesian");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("experiment pricing").contains("chance to win").doesNotContain("converted");
    }

    @Test
    void unitLevelErrorsAndBadOptionsAreExitOne() throws Exception {
        Path file = tmp.resolve("units.csv");
        Files.writeString(file, "unit,variant,revenue\n1,a,1\n2,b,oops\n");
        CliRun run = CliRun.of("experiment", "analyze", "--units", file.toString());
        assertThat(run.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(run.err().strip()).isEqualTo(file + ":3: revenue: expected a number, found 'oops'");
        CliRun method = CliRun.of("experiment", "analyze", "--units", file.toString(), "--method", "magic");
        assertThat(method.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(method.err()).contains("--method: expected frequentist, bayesian, sequential, found 'magic'");
    }

    @Test
    void aGrowthBookExportIsReanalysed() throws Exception {
        Path file = tmp.resolve("gb.csv");
        Files.writeString(file, """
                "metric","variation","riskOfChoosing","users","totalValue","perUserValue","perUserValueStdDev"
                "Revenue","Control",0,3407,1396.87,0.41,3.9
                "Revenue","Variant",0,3461,2422.7,0.7,6.2
                """);
        CliRun run = CliRun.of("experiment", "analyze", "--growthbook", file.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> c = CliRun.objects(CliRun.objects(CliRun.objects(run.jsonObject(), "experiments").get(0),
                "metrics").get(0), "comparisons").get(0);
        assertThat(number(c.get("pValue"))).isCloseTo(0.06191182745618362, within(1e-9));
    }

    @Test
    void powerGivesTheTextbookSampleSize() {
        CliRun run = CliRun.of("experiment", "power", "--proportion", "0.10", "--mde", "0.2", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.jsonObject()).containsEntry("nPerArm", 3841);
        CliRun mde = CliRun.of("experiment", "power", "--mean", "10", "--variance", "4", "--n", "63",
                "--difference", "absolute");
        assertThat(mde.exitCode()).isZero();
        assertThat(mde.out()).contains("63 units per arm");
        CliRun bad = CliRun.of("experiment", "power", "--proportion", "1.5", "--mde", "0.2");
        assertThat(bad.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(bad.err()).contains("--proportion: expected a rate between 0 and 1");
    }

    @Test
    void analyzeNeedsExactlyOneInput() {
        assertThat(CliRun.of("experiment", "analyze").exitCode()).isEqualTo(Baton.USAGE);
        assertThat(CliRun.of("experiment", "analyze", "--stats", "a.yaml", "--units", "b.csv").exitCode())
                .isEqualTo(Baton.USAGE);
    }
}
