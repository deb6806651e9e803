package dev.baton.measure.experiment;

import static dev.baton.measure.experiment.Figures.close;
import static dev.baton.measure.experiment.Figures.rounded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every GB-* and MSPRT-* vector of {@code ../shared/reference/measure_vectors.json}, read from the
 * file itself: each expected figure to its printed precision and, where the file gives them, the
 * full-precision figures to 1e-9. Skipped when the shared folder is absent.
 */
class SharedVectorsTest {

    static JsonNode vectors;

    @BeforeAll
    static void read() throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(".ci"))) {
            dir = dir.getParent();
        }
        Path file = dir == null ? null : dir.resolve("../shared/reference/measure_vectors.json").normalize();
        assumeTrue(file != null && Files.isRegularFile(file), "shared reference vectors absent");
        vectors = JsonMapper.builder().build().readTree(Files.readString(file));
    }

    static JsonNode vector(String id) {
        for (JsonNode v : vectors.get("vectors")) {
            if (v.get("id").asString().equals(id)) {
                return v;
            }
        }
        throw new AssertionError("no vector " + id);
    }

    static ArmStatistic statistic(JsonNode s) {
        String type = s.path("type").asString("");
        if (type.equals("ProportionStatistic")) {
            return new Proportion(s.get("n").asLong(), s.get("sum").asDouble());
        }
        if (s.has("main_sum")) {
            long n = s.get("n").asLong();
            return new CupedStatistic(n, new SampleMean(n, s.get("main_sum").asDouble(),
                    s.get("main_sum_squares").asDouble()), new SampleMean(n, s.get("covariate_sum").asDouble(),
                    s.get("covariate_sum_squares").asDouble()), s.get("main_covariate_sum_product").asDouble());
        }
        return new SampleMean(s.get("n").asLong(), s.get("sum").asDouble(), s.get("sum_squares").asDouble());
    }

    static Comparison run(JsonNode v, Settings settings) {
        return Figures.compare(settings, statisticOf(v, 0), statisticOf(v, 1));
    }

    static Settings settings(JsonNode v, Method method) {
        JsonNode config = v.get("config");
        Settings s = Settings.defaults().withMethod(method);
        if (config.has("alpha")) {
            s = s.withAlpha(config.get("alpha").asDouble());
        }
        if (config.has("sequential_tuning_parameter")) {
            s = s.withSequentialTuning(config.get("sequential_tuning_parameter").asDouble());
        }
        return s.withDifference(Difference.byId(config.path("difference_type").asString("relative")).orElseThrow());
    }

    /** Printed figures to their decimals; full-precision ones (res or the object itself) to 1e-9. */
    static void check(JsonNode v, Comparison c) {
        int decimals = v.get("tolerance").get("round_decimals").asInt();
        JsonNode expected = v.get("expected");
        rounded(c.expected(), expected.get("expected").asDouble(), decimals);
        if (expected.has("ci")) {
            rounded(c.ci().low(), expected.get("ci").get(0).asDouble(), decimals);
            rounded(c.ci().high(), expected.get("ci").get(1).asDouble(), decimals);
        }
        if (expected.has("uplift_stddev")) {
            rounded(c.upliftStddev(), expected.get("uplift_stddev").asDouble(), decimals);
        }
        if (expected.has("pValue")) {
            rounded(c.pValue(), expected.get("pValue").asDouble(), decimals);
        }
        if (expected.has("chanceToWin")) {
            rounded(c.chanceToWin(), expected.get("chanceToWin").asDouble(), decimals);
            rounded(c.risk().baseline(), expected.get("risk").get(0).asDouble(), decimals);
            rounded(c.risk().arm(), expected.get("risk").get(1).asDouble(), decimals);
        }
        if (expected.has("control_cr")) {
            rounded(c.baselineMean(), expected.get("control_cr").asDouble(), decimals);
            rounded(c.armMean(), expected.get("treatment_cr").asDouble(), decimals);
        }
        JsonNode full = v.get("anchor_full_precision_run_here");
        JsonNode res = full.has("res") ? full.get("res") : full;
        close(c.expected(), res.get("expected").asDouble(), 1e-9);
        close(c.ci().low(), res.get("ci").get(0).asDouble(), 1e-9);
        close(c.ci().high(), res.get("ci").get(1).asDouble(), 1e-9);
        close(c.upliftStddev(), res.get("uplift").get("stddev").asDouble(), 1e-9);
        if (res.has("pValue")) {
            close(c.pValue(), res.get("pValue").asDouble(), 1e-9);
        }
        if (res.has("chanceToWin")) {
            close(c.chanceToWin(), res.get("chanceToWin").asDouble(), 1e-9);
            close(c.risk().baseline(), res.get("risk").get(0).asDouble(), 1e-9);
            close(c.risk().arm(), res.get("risk").get(1).asDouble(), 1e-9);
        }
    }

    @Test
    void gbTtestRel() {
        JsonNode v = vector("GB-TTEST-REL");
        Comparison c = run(v, settings(v, Method.FREQUENTIST));
        check(v, c);
        close(Effect.of("a", statisticOf(v, 0), "b", statisticOf(v, 1), true).dof(),
                v.get("anchor_full_precision_run_here").get("dof").asDouble(), 1e-9);
    }

    @Test
    void gbTtestBinom() {
        JsonNode v = vector("GB-TTEST-BINOM");
        check(v, run(v, settings(v, Method.FREQUENTIST)));
    }

    @Test
    void gbSeqMeanT1000() {
        JsonNode v = vector("GB-SEQ-MEAN-T1000");
        check(v, run(v, settings(v, Method.SEQUENTIAL)));
    }

    @Test
    void gbBayesBinom() {
        JsonNode v = vector("GB-BAYES-BINOM");
        check(v, run(v, settings(v, Method.BAYESIAN)));
    }

    @Test
    void gbCupedRa() {
        JsonNode v = vector("GB-CUPED-RA");
        check(v, run(v, settings(v, Method.FREQUENTIST)));
        close(Theta.pooled((CupedStatistic) statisticOf(v, 0), (CupedStatistic) statisticOf(v, 1)),
                v.get("anchor_full_precision_run_here").get("theta").asDouble(), 1e-9);
    }

    static ArmStatistic statisticOf(JsonNode v, int index) {
        List<JsonNode> arms = new ArrayList<>();
        v.get("inputs").forEach(arms::add);
        return statistic(arms.get(index));
    }

    @Test
    void gbSrmWithTypeScriptSemantics() {
        JsonNode v = vector("GB-SRM");
        int decimals = v.get("tolerance").get("round_decimals").asInt();
        int checked = 0;
        for (String key : List.of("expected", "python_check_srm_run_here")) {
            for (JsonNode row : v.get(key)) {
                List<Long> users = new ArrayList<>();
                row.get("users").forEach(u -> users.add(u.asLong()));
                List<Double> weights = new ArrayList<>();
                row.get("weights").forEach(w -> weights.add(w.asDouble()));
                double p = Srm.check(users, weights).pValue();
                boolean zeroWeight = weights.contains(0.0);
                // The one row where Python differs: TypeScript drops the zero-weight arm (2.0e-5, not 2.9e-60).
                double expected = zeroWeight ? 2.0079e-05 : row.get("p").asDouble();
                rounded(p, expected, decimals);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(9);
    }

    @Test
    void msprtBernoulli() {
        JsonNode v = vector("MSPRT-BERNOULLI");
        JsonNode inputs = v.get("inputs");
        Msprt test = Msprt.bernoulli(inputs.get("tau").asDouble(), inputs.get("burnIn").asLong(), 0.05);
        JsonNode lambdas = v.get("expected").get("lambda_at_n");
        JsonNode ps = v.get("expected").get("always_valid_p_at_n");
        int checked = 0;
        for (int i = 1; i <= 2000; i++) {
            Msprt.State s = test.observe(i % 10 == 0 ? 1 : 0, i % 8 == 0 ? 1 : 0);
            String n = Integer.toString(i);
            if (lambdas.has(n)) {
                double lambda = lambdas.get(n).asDouble();
                if (lambda == 0) {
                    assertThat(s.lambda()).isZero();
                } else {
                    close(s.lambda(), lambda, 1e-9);
                }
                close(s.alwaysValidP(), ps.get(n).asDouble(), 1e-9);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(lambdas.size());
        // mixtureSPRT's "Accept H0" after the last pair: Λ never reached 1/α = 20.
        assertThat(test.state().rejected()).isFalse();
    }
}
