package dev.baton.measure.experiment.input;

import dev.baton.measure.experiment.Alternative;
import dev.baton.measure.experiment.Arm;
import dev.baton.measure.experiment.ArmStatistic;
import dev.baton.measure.experiment.CupedRatioStatistic;
import dev.baton.measure.experiment.CupedStatistic;
import dev.baton.measure.experiment.Difference;
import dev.baton.measure.experiment.Method;
import dev.baton.measure.experiment.Moments;
import dev.baton.measure.experiment.Plan;
import dev.baton.measure.experiment.Prior;
import dev.baton.measure.experiment.Proportion;
import dev.baton.measure.experiment.RatioStatistic;
import dev.baton.measure.experiment.SampleMean;
import dev.baton.measure.experiment.Settings;
import dev.baton.measure.experiment.Srm;
import dev.baton.model.yaml.SafeYaml;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a stats file ({@code baton experiment analyze --stats}): the settings and, per arm, the
 * sufficient statistics of one metric. Every problem is reported with its line, column and path,
 * all of them at once; nothing is analysed when there is one.
 * <pre>
 * metric: mean | proportion | ratio        (default mean)
 * name: signups                           (the metric's name, for the output)
 * difference: relative | absolute          (default relative)
 * method: frequentist | bayesian | sequential
 * alpha: 0.05
 * alternative: two-sided | greater | less
 * sequential-tuning: 5000
 * prior: {mean: 0, variance: 0.09}         (absent: improper flat prior)
 * weights: [0.5, 0.5]                      (planned split for SRM; default equal)
 * planned-users: 20000                     (total planned sample, for the peeking guardrail)
 * previous-looks: 2                        (times results were looked at before)
 * arms:
 *   - {name: control, n: 3407, sum: 1396.87, sum-squares: 52377.9767}
 * </pre>
 * CUPED adds covariate-sum, covariate-sum-squares and main-covariate-sum-product to every arm; a
 * ratio metric adds denominator-sum, denominator-sum-squares and main-denominator-sum-product; a
 * ratio with CUPED has both, and the pre-period denominator with the remaining products (gbstats'
 * column names): denominator-pre-sum, denominator-pre-sum-squares,
 * main-post-denominator-pre-sum-product, main-pre-denominator-post-sum-product,
 * main-pre-denominator-pre-sum-product, denominator-post-denominator-pre-sum-product.
 */
public final class StatsFile {

    static final List<String> KEYS = List.of("metric", "name", "difference", "method", "alpha", "alternative",
            "sequential-tuning", "prior", "weights", "planned-users", "previous-looks", "arms");
    static final List<String> ARM_KEYS = List.of("name", "n", "sum", "sum-squares", "covariate-sum",
            "covariate-sum-squares", "main-covariate-sum-product", "denominator-sum", "denominator-sum-squares",
            "main-denominator-sum-product", "denominator-pre-sum", "denominator-pre-sum-squares",
            "main-post-denominator-pre-sum-product", "main-pre-denominator-post-sum-product",
            "main-pre-denominator-pre-sum-product", "denominator-post-denominator-pre-sum-product");
    static final List<String> COVARIATE = List.of("covariate-sum", "covariate-sum-squares",
            "main-covariate-sum-product");
    static final List<String> METRICS = List.of("mean", "proportion", "ratio");
    /** A sum of squares may fall short of sum²/n by this relative amount: rounding in the export. */
    static final double ROUNDING = 1e-7;

    private StatsFile() {
    }

    public static StatsRequest read(String text) throws InputRefused {
        Node root;
        try {
            root = SafeYaml.compose(text);
        } catch (SafeYaml.SyntaxError e) {
            throw new InputRefused(new InputError(e.position().line(), e.position().column(), "", e.getMessage()));
        }
        List<InputError> errors = new ArrayList<>();
        YamlMapping top = YamlMapping.of(root, "", "a stats file", KEYS, errors);
        if (top == null) {
            throw new InputRefused(errors);
        }
        String metric = top.choice("metric", METRICS, "mean");
        String name = top.has("name") ? top.text("name") : "metric";
        Settings settings = settings(top);
        List<Arm> arms = arms(top, metric);
        int listed = top.value("arms") instanceof SequenceNode seq ? seq.getValue().size() : arms.size();
        List<Double> weights = weights(top, listed);
        Long planned = top.integer("planned-users", 1, "a positive integer");
        Long looks = top.integer("previous-looks", 0, "a whole number of looks, 0 or more");
        if (!errors.isEmpty() || settings == null || metric == null) {
            throw new InputRefused(errors);
        }
        return new StatsRequest(name == null ? "metric" : name, arms, settings, weights,
                new Plan(planned, looks == null ? 0 : looks.intValue()));
    }

    private static Settings settings(YamlMapping top) {
        String difference = top.choice("difference", Difference.ids(), "relative");
        String method = top.choice("method", Method.ids(), "frequentist");
        String alternative = top.choice("alternative", Alternative.ids(), "two-sided");
        Double alpha = top.number("alpha");
        if (alpha != null && !(alpha > 0 && alpha < 1)) {
            top.error("alpha", "expected a number between 0 and 1 (exclusive), found " + alpha);
            alpha = null;
        }
        Double tuning = top.number("sequential-tuning");
        if (tuning != null && !(tuning > 0)) {
            top.error("sequential-tuning", "expected a positive number (the sample size N* the confidence sequence "
                    + "is tightest at), found " + tuning);
        }
        Prior prior = prior(top);
        if (difference == null || method == null || alternative == null) {
            return null;
        }
        Settings s = new Settings(Method.byId(method).orElseThrow(), Difference.byId(difference).orElseThrow(),
                alpha == null ? Settings.DEFAULT_ALPHA : alpha, Alternative.byId(alternative).orElseThrow(),
                tuning == null || !(tuning > 0) ? Settings.DEFAULT_TUNING : tuning, prior);
        if (s.method() == Method.BAYESIAN && s.alternative() != Alternative.TWO_SIDED) {
            top.error("alternative", "expected two-sided with method: bayesian (it reports the chance to win "
                    + "instead), found '" + alternative + "'");
        }
        if (s.method() == Method.SEQUENTIAL && s.alternative() != Alternative.TWO_SIDED && s.alpha() >= 0.5) {
            top.error("alpha", "expected alpha below 0.5 for a one-sided sequential test, found " + s.alpha());
        }
        if (prior != null && s.method() != Method.BAYESIAN) {
            top.error("prior", "expected no prior with method: " + method + " (a prior applies to method: bayesian)");
        }
        return s;
    }

    private static Prior prior(YamlMapping top) {
        if (!top.has("prior")) {
            return null;
        }
        YamlMapping prior = YamlMapping.of(top.value("prior"), top.path("prior"), "a prior {mean, variance}",
                List.of("mean", "variance"), top.errors());
        if (prior == null) {
            return null;
        }
        Double mean = prior.number("mean");
        Double variance = prior.number("variance");
        if (!prior.has("mean")) {
            prior.missing("mean", "the prior's mean lift, e.g. 0");
        }
        if (!prior.has("variance")) {
            prior.missing("variance", "the prior's variance, e.g. 0.09");
        } else if (variance != null && !(variance > 0)) {
            prior.error("variance", "expected a positive variance, found " + variance);
            variance = null;
        }
        return mean == null || variance == null ? null : new Prior(mean, variance);
    }

    private static List<Double> weights(YamlMapping top, int arms) {
        if (!top.has("weights")) {
            return Srm.equalWeights(arms);
        }
        Node node = top.value("weights");
        if (!(node instanceof SequenceNode seq)) {
            top.error("weights", "expected a list of weights, one per arm, found " + YamlMapping.describe(node));
            return Srm.equalWeights(arms);
        }
        List<Double> weights = new ArrayList<>();
        boolean bad = false;
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            String path = top.path("weights") + "[" + i + "]";
            Double w = null;
            try {
                w = Double.parseDouble(YamlMapping.describe(item));
            } catch (NumberFormatException e) {
                // below
            }
            if (w == null || !(w >= 0) || Double.isInfinite(w)) {
                top.errors().add(YamlMapping.at(item, path, "expected a weight of 0 or more, found "
                        + YamlMapping.describe(item)));
                bad = true;
            }
            weights.add(w);
        }
        if (!bad && weights.size() != arms) {
            top.error("weights", "expected one weight per arm (" + arms + "), found " + weights.size());
            bad = true;
        }
        if (!bad && weights.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            top.error("weights", "expected at least one weight above 0, found all 0");
            bad = true;
        }
        return bad ? Srm.equalWeights(arms) : weights;
    }

    private static List<Arm> arms(YamlMapping top, String metric) {
        if (!top.has("arms")) {
            top.missing("arms", "a list of arms with their statistics, the baseline first");
            return List.of();
        }
        Node node = top.value("arms");
        if (!(node instanceof SequenceNode seq)) {
            top.error("arms", "expected a list of arms, found " + YamlMapping.describe(node));
            return List.of();
        }
        if (seq.getValue().size() < 2) {
            top.error("arms", "expected at least 2 arms (the first is the baseline), found " + seq.getValue().size());
        }
        List<YamlMapping> mappings = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            mappings.add(YamlMapping.of(seq.getValue().get(i), "arms[" + i + "]",
                    "an arm {name, n, sum, sum-squares, ...}", ARM_KEYS, top.errors()));
        }
        boolean cuped = mappings.stream().anyMatch(m -> m != null && COVARIATE.stream().anyMatch(m::has));
        List<Arm> arms = new ArrayList<>();
        for (int i = 0; i < mappings.size(); i++) {
            YamlMapping arm = mappings.get(i);
            if (arm == null) {
                continue;
            }
            ArmStatistic statistic = metric == null ? null : ArmReader.read(arm, metric, cuped);
            String name = arm.has("name") ? arm.text("name") : (i == 0 ? "control" : "arm " + i);
            if (statistic != null) {
                arms.add(new Arm(name, statistic));
            }
        }
        return arms;
    }

    /** One arm's statistics for the metric kind; null (with errors) when something is missing or wrong. */
    static final class ArmReader {

        private ArmReader() {
        }

        static ArmStatistic read(YamlMapping arm, String metric, boolean cuped) {
            Long n = required(arm, "n", "the number of units", () -> arm.integer("n", 1, "a positive integer"));
            Double sum = arm.number("sum");
            if (!arm.has("sum")) {
                arm.missing("sum", metric.equals("proportion") ? "the number of conversions" : "the sum of the metric");
            }
            boolean proportion = metric.equals("proportion");
            Double ss = proportion ? sum : squares(arm, "sum-squares", "sum", n, sum, "the sum of squares");
            if (proportion && n != null && sum != null && (sum < 0 || sum > n)) {
                arm.error("sum", "expected conversions between 0 and n = " + n + ", found " + plain(sum));
                sum = null;
            }
            Moments main = n == null || sum == null || ss == null ? null
                    : proportion ? new Proportion(n, sum) : new SampleMean(n, sum, ss);
            if (metric.equals("ratio")) {
                Double dSum = arm.number("denominator-sum");
                if (!arm.has("denominator-sum")) {
                    arm.missing("denominator-sum", "a ratio metric needs the sum of its denominator");
                }
                Double dSs = squares(arm, "denominator-sum-squares", "denominator-sum", n, dSum,
                        "a ratio metric needs the sum of squares of its denominator");
                Double product = products(arm, "main-denominator-sum-product", n, sum, ss, dSum, dSs,
                        "a ratio metric needs the sum of numerator × denominator");
                if (cuped) {
                    return cupedRatio(arm, n, main, dSum, dSs, product);
                }
                if (main == null || dSum == null || dSs == null || product == null) {
                    return null;
                }
                return new RatioStatistic(n, main, new SampleMean(n, dSum, dSs), product);
            }
            if (cuped) {
                Double cSum = arm.number("covariate-sum");
                if (!arm.has("covariate-sum")) {
                    arm.missing("covariate-sum", "CUPED needs the sum of the pre-period covariate in every arm");
                }
                Double cSs = proportion ? cSum : squares(arm, "covariate-sum-squares", "covariate-sum", n, cSum,
                        "CUPED needs the sum of squares of the covariate in every arm");
                Double product = products(arm, "main-covariate-sum-product", n, sum, ss, cSum, cSs,
                        "CUPED needs the sum of metric × covariate in every arm");
                if (main == null || cSum == null || cSs == null || product == null) {
                    return null;
                }
                Moments pre = proportion ? new Proportion(n, cSum) : new SampleMean(n, cSum, cSs);
                return new CupedStatistic(n, main, pre, product);
            }
            return main;
        }

        /** A ratio with CUPED: the pre-period numerator (covariate-*) and denominator, six sums of products. */
        private static ArmStatistic cupedRatio(YamlMapping arm, Long n, Moments main, Double dSum, Double dSs,
                                               Double mainDenominator) {
            String why = "CUPED on a ratio needs ";
            Double pSum = sum(arm, "covariate-sum", why + "the sum of the pre-period numerator in every arm");
            Double pSs = squares(arm, "covariate-sum-squares", "covariate-sum", n, pSum,
                    why + "the sum of squares of the pre-period numerator");
            Double qSum = sum(arm, "denominator-pre-sum", why + "the sum of the pre-period denominator");
            Double qSs = squares(arm, "denominator-pre-sum-squares", "denominator-pre-sum", n, qSum,
                    why + "the sum of squares of the pre-period denominator");
            Double mSum = main == null ? null : main.sum();
            Double mSs = main == null ? null : main.sumSquares();
            Double mp = products(arm, "main-covariate-sum-product", n, mSum, mSs, pSum, pSs,
                    why + "the sum of numerator × pre-period numerator");
            Double dq = products(arm, "denominator-post-denominator-pre-sum-product", n, dSum, dSs, qSum, qSs,
                    why + "the sum of denominator × pre-period denominator");
            Double pq = products(arm, "main-pre-denominator-pre-sum-product", n, pSum, pSs, qSum, qSs,
                    why + "the sum of pre-period numerator × pre-period denominator");
            Double mq = products(arm, "main-post-denominator-pre-sum-product", n, mSum, mSs, qSum, qSs,
                    why + "the sum of numerator × pre-period denominator");
            Double pd = products(arm, "main-pre-denominator-post-sum-product", n, pSum, pSs, dSum, dSs,
                    why + "the sum of pre-period numerator × denominator");
            if (main == null || dSum == null || dSs == null || mainDenominator == null || pSum == null || pSs == null
                    || qSum == null || qSs == null || mp == null || dq == null || pq == null || mq == null
                    || pd == null) {
                return null;
            }
            return new CupedRatioStatistic(n, main, new SampleMean(n, dSum, dSs), new SampleMean(n, pSum, pSs),
                    new SampleMean(n, qSum, qSs),
                    new CupedRatioStatistic.Products(mp, dq, pq, mainDenominator, mq, pd));
        }

        private static Double sum(YamlMapping arm, String key, String why) {
            if (!arm.has(key)) {
                arm.missing(key, why);
                return null;
            }
            return arm.number(key);
        }

        private static <T> T required(YamlMapping arm, String key, String what, java.util.function.Supplier<T> read) {
            if (!arm.has(key)) {
                arm.missing(key, what);
                return null;
            }
            return read.get();
        }

        /** A sum of squares, checked against its sum: Σx² ≥ (Σx)²/n, or the variance would be negative. */
        private static Double squares(YamlMapping arm, String key, String sumKey, Long n, Double sum, String why) {
            if (!arm.has(key)) {
                arm.missing(key, why);
                return null;
            }
            Double ss = arm.number(key);
            if (ss == null) {
                return null;
            }
            if (ss < 0) {
                arm.error(key, "expected a sum of squares of 0 or more, found " + plain(ss));
                return null;
            }
            if (n != null && sum != null) {
                double floor = sum * sum / n;
                if (ss < floor - ROUNDING * Math.max(1, floor)) {
                    arm.error(key, "expected at least " + sumKey + "²/n = " + plain(floor) + " (a sum of squares below"
                            + " that means a negative variance: is it the sum of squares, and of the same units?),"
                            + " found " + plain(ss));
                    return null;
                }
            }
            return ss;
        }

        /** A sum of products, checked by Cauchy–Schwarz: the implied correlation is within [−1, 1]. */
        private static Double products(YamlMapping arm, String key, Long n, Double sumA, Double ssA, Double sumB,
                                       Double ssB, String why) {
            if (!arm.has(key)) {
                arm.missing(key, why);
                return null;
            }
            Double product = arm.number(key);
            if (product == null || n == null || sumA == null || ssA == null || sumB == null || ssB == null) {
                return product;
            }
            double sxy = product - sumA * sumB / n;
            double sxx = Math.max(0, ssA - sumA * sumA / n);
            double syy = Math.max(0, ssB - sumB * sumB / n);
            double bound = Math.sqrt(sxx * syy);
            if (Math.abs(sxy) > bound + ROUNDING * Math.max(1, Math.abs(product))) {
                arm.error(key, "expected a value that gives a correlation between −1 and 1 with these sums (the"
                        + " centred product must be within ±" + plain(bound) + "), found " + plain(product));
                return null;
            }
            return product;
        }
    }

    static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
