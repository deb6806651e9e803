package dev.baton.measure.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;

/**
 * The exact Markov removal-effect model against the exact values of measure_vectors.json, against
 * ChannelAttribution 2.2.4's simulated figures (which scatter by about 1% between seeds), and against
 * a dense LU solve of (I − Q) x = R built here from the raw rows, independently of {@link MarkovChain}.
 */
class MarkovAttributionTest {

    private static final double EXACT = 1e-9;

    @Test
    void toy1MatchesTheExactAbsorbingChain() {
        AttributionResult result = Attribution.markov(Fixtures.toy1(), 1);

        // CA-TOY-TOY1 cross_check_exact_absorbing_chain_ours: P(conv) = 1/3, RE = (0.5, 1, 1) -> (0.2, 0.4, 0.4)
        assertThat(result.conversionProbability().getAsDouble()).isCloseTo(1.0 / 3, within(EXACT));
        assertThat(result.channel("c1").removalEffect().getAsDouble()).isCloseTo(0.5, within(EXACT));
        assertThat(result.channel("c2").removalEffect().getAsDouble()).isCloseTo(1, within(EXACT));
        assertThat(result.channel("c3").removalEffect().getAsDouble()).isCloseTo(1, within(EXACT));
        assertThat(result.channel("c1").conversions()).isCloseTo(0.2, within(EXACT));
        assertThat(result.channel("c2").conversions()).isCloseTo(0.4, within(EXACT));
        assertThat(result.channel("c3").conversions()).isCloseTo(0.4, within(EXACT));
        // CA's 1e6-journey simulation (seed 0) lands within 0.1% of the exact values
        assertThat(result.channel("c1").conversions()).isCloseTo(0.200153199842013, withPercentage(0.5));
        assertThat(result.channels()).extracting(ChannelCredit::channel).containsExactly("c2", "c3", "c1");
        assertThat(result.explanation()).contains("removal effect").contains("0.333333");
    }

    @Test
    void toy2MatchesTheExactValuesAndChannelAttributionsSimulation() {
        AttributionResult result = Attribution.markov(Fixtures.toy2(), 1);

        // CA-TOY-TOY2 cross_check_exact_absorbing_chain_ours
        assertThat(result.conversionProbability().getAsDouble()).isCloseTo(0.2916666666666667, within(EXACT));
        assertThat(result.channel("A").removalEffect().getAsDouble()).isCloseTo(0.5476190476190477, within(EXACT));
        assertThat(result.channel("B").removalEffect().getAsDouble()).isCloseTo(0.456043956043956, within(EXACT));
        assertThat(result.channel("C").removalEffect().getAsDouble()).isCloseTo(0.8571428571428572, within(EXACT));
        assertThat(result.channel("A").conversions()).isCloseTo(2.0600393700787403, within(EXACT));
        assertThat(result.channel("B").conversions()).isCloseTo(1.7155511811023618, within(EXACT));
        assertThat(result.channel("C").conversions()).isCloseTo(3.2244094488188977, within(EXACT));
        // markov_order1_nsim1e6 seed0: conversions and the simulated value attribution, within 1–3%
        assertThat(result.channel("A").conversions()).isCloseTo(2.05753097030961, withPercentage(1));
        assertThat(result.channel("B").conversions()).isCloseTo(1.70582409985239, withPercentage(1));
        assertThat(result.channel("C").conversions()).isCloseTo(3.236644929838, withPercentage(1));
        assertThat(result.channel("A").value()).isCloseTo(26.7817715653937, withPercentage(2));
        assertThat(result.channel("B").value()).isCloseTo(18.6412724871275, withPercentage(2));
        assertThat(result.channel("C").value()).isCloseTo(44.5769559474788, withPercentage(2));
        assertThat(result.channel("A").valueRemovalEffect().getAsDouble()).isCloseTo(0.56716116525766, withPercentage(1));
        assertThat(result.channel("B").valueRemovalEffect().getAsDouble()).isCloseTo(0.394768725432125, withPercentage(3));
        assertThat(result.channel("C").valueRemovalEffect().getAsDouble()).isCloseTo(0.944012169511604, withPercentage(1));
        // the exact value analogue: a conversion ending in C is worth 85/6 on average, one ending in B 5
        assertThat(result.channel("C").valueRemovalEffect().getAsDouble()).isCloseTo(17.0 / 18, within(EXACT));
        assertThat(result.channels().stream().mapToDouble(ChannelCredit::value).sum()).isCloseTo(90, within(EXACT));
    }

    @Test
    void toy2OrderTwoIsCloseToChannelAttributionsOrderTwo() {
        AttributionResult result = Attribution.markov(Fixtures.toy2(), 2);

        assertThat(result.order()).isEqualTo(2);
        // markov_order2_nsim1e6 seed0 (simulated): A 2.3611, B 1.8138, C 2.8251
        assertThat(result.channel("A").conversions()).isCloseTo(2.36107050489149, withPercentage(1));
        assertThat(result.channel("B").conversions()).isCloseTo(1.81378612391769, withPercentage(1));
        assertThat(result.channel("C").conversions()).isCloseTo(2.82514337119082, withPercentage(1));
        // exact: RE A = 5/7, B = 31/56, C = 6/7
        assertThat(result.channel("A").removalEffect().getAsDouble()).isCloseTo(5.0 / 7, within(EXACT));
        assertThat(result.channel("B").removalEffect().getAsDouble()).isCloseTo(31.0 / 56, within(EXACT));
        assertThat(result.channel("C").removalEffect().getAsDouble()).isCloseTo(6.0 / 7, within(EXACT));
    }

    @Test
    void toy3MatchesTheExactValues() {
        AttributionResult result = Attribution.markov(Fixtures.toy3(), 1);

        assertThat(result.conversionProbability().getAsDouble()).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(result.channel("a").conversions()).isCloseTo(2, within(EXACT));
        assertThat(result.channel("b").conversions()).isCloseTo(1.5, within(EXACT));
        assertThat(result.channel("c").conversions()).isCloseTo(0.5, within(EXACT));
        assertThat(result.channel("b").removalEffect().getAsDouble()).isCloseTo(0.75, within(EXACT));
    }

    @Test
    void transitionProbabilitiesAreThoseOfEeghorMta() {
        // MTA-TRANSITION-SHAO-TESTS: a > b (3 conv, 1 null), a > c (1, 1)
        Map<String, Double> transitions = new HashMap<>();
        for (MarkovChain.Transition t : MarkovChain.of(Fixtures.toy3(), 1).transitions()) {
            transitions.put(t.from() + "->" + t.to(), t.probability());
        }

        assertThat(transitions).hasSize(7);
        assertThat(transitions.get("(start)->a")).isCloseTo(1, within(EXACT));
        assertThat(transitions.get("a->b")).isCloseTo(0.6666666666666666, within(EXACT));
        assertThat(transitions.get("a->c")).isCloseTo(0.3333333333333333, within(EXACT));
        assertThat(transitions.get("b->(conversion)")).isCloseTo(0.75, within(EXACT));
        assertThat(transitions.get("b->(null)")).isCloseTo(0.25, within(EXACT));
        assertThat(transitions.get("c->(conversion)")).isCloseTo(0.5, within(EXACT));
        assertThat(transitions.get("c->(null)")).isCloseTo(0.5, within(EXACT));
    }

    @Test
    void repeatedTouchesAreOneVisitSoNoStateLeadsToItself() {
        List<MarkovChain.Transition> transitions = MarkovChain.of(Fixtures.toy2(), 1).transitions();

        assertThat(transitions).noneMatch(t -> t.from().equals(t.to()));
        // B > B > C walks (start) -> B -> C, as B > C would
        assertThat(transitions).anyMatch(t -> t.from().equals("B") && t.to().equals("C"));
    }

    /**
     * ChannelAttribution's markov_model (order k > 1) cuts each journey into every window of k
     * consecutive touches, repeats included, and merges only a state repeated in a row; a journey
     * shorter than k is one state. No journey starts with a shorter prefix state.
     */
    @Test
    void higherOrderStatesAreWindowsOfTouchesAsChannelAttributionCutsThem() {
        Journeys journeys = Journeys.of(List.of(Fixtures.row("a > a > b > c", 1, 1, 1),
                Fixtures.row("c", 0, 0, 1), Fixtures.row("b > b > b", 1, 1, 0)));

        List<MarkovChain.Transition> transitions = MarkovChain.of(journeys, 2).transitions();

        assertThat(transitions).extracting(MarkovChain.Transition::from).doesNotContain("a");
        assertThat(transitions).anyMatch(t -> t.from().equals(MarkovChain.START) && t.to().equals("a > a"));
        assertThat(transitions).anyMatch(t -> t.from().equals("a > a") && t.to().equals("a > b"));
        assertThat(transitions).anyMatch(t -> t.from().equals("a > b") && t.to().equals("b > c"));
        assertThat(transitions).anyMatch(t -> t.from().equals(MarkovChain.START) && t.to().equals("c"));
        // b > b > b: windows (b,b), (b,b) are one visit, straight to conversion
        assertThat(transitions).anyMatch(t -> t.from().equals("b > b") && t.to().equals(MarkovChain.CONVERSION)
                && Math.abs(t.probability() - 1) < EXACT);
        assertThat(transitions).noneMatch(t -> t.from().equals(t.to()));
    }

    /**
     * Rows: a > b > c (3 conv, 1 null, value 30), b > c (1, 3, value 5), a > b (0, 2).
     *
     * <p>Order 2 (ChannelAttribution's windows of two touches; b > c is one window): S→(a,b) 6/10,
     * S→(b,c) 4/10; (a,b)→(b,c) 4/6, →null 2/6; (b,c)→conversion 4/8. So x(b,c) = 1/2, x(a,b) = 1/3 and
     * P = 0.6·1/3 + 0.4·1/2 = 0.4 (= 4 conversions / 10 journeys). Without a ((a,b) cut): P = 0.4·1/2
     * = 0.2, RE 0.5; without b or c nothing converts, RE 1. Shares of 4: 0.8, 1.6, 1.6.
     * Order 1 would give a RE 0.6 (b→c 8/10 mixes the two kinds of b): a 0.923.
     *
     * <p>Order 3: S→(a,b,c) 4/10 → conversion 3/4; S→(b,c) 4/10 → conversion 1/4 (shorter than three
     * touches: one state); S→(a,b) 2/10 → null. P = 0.4·3/4 + 0.4·1/4 = 0.4; without a P = 0.1, RE 0.75;
     * b, c RE 1: shares 4·0.75/2.75 = 1.0909 and 1.4545. Value: (a,b,c) collects 30/4 per step into
     * conversion, (b,c) 5/4: V = 0.4·7.5 + 0.4·1.25 = 3.5, without a 0.5,
     * so VRE_a = 6/7 and a's value is 35·(6/7)/(20/7) = 10.5.
     */
    @Test
    void higherOrdersRememberWhereAJourneyCameFrom() {
        Journeys journeys = Journeys.of(List.of(Fixtures.row("a > b > c", 3, 30, 1), Fixtures.row("b > c", 1, 5, 3),
                Fixtures.row("a > b", 0, 0, 2)));

        AttributionResult first = Attribution.markov(journeys, 1);
        AttributionResult second = Attribution.markov(journeys, 2);
        AttributionResult third = Attribution.markov(journeys, 3);

        assertThat(first.channel("a").removalEffect().getAsDouble()).isCloseTo(0.6, within(EXACT));
        assertThat(first.channel("a").conversions()).isCloseTo(4 * 0.6 / 2.6, within(EXACT));
        assertThat(second.conversionProbability().getAsDouble()).isCloseTo(0.4, within(EXACT));
        assertThat(second.channel("a").removalEffect().getAsDouble()).isCloseTo(0.5, within(EXACT));
        assertThat(second.channel("a").conversions()).isCloseTo(0.8, within(EXACT));
        assertThat(second.channel("b").conversions()).isCloseTo(1.6, within(EXACT));
        assertThat(second.channel("c").conversions()).isCloseTo(1.6, within(EXACT));
        assertThat(third.conversionProbability().getAsDouble()).isCloseTo(0.4, within(EXACT));
        assertThat(third.channel("a").removalEffect().getAsDouble()).isCloseTo(0.75, within(EXACT));
        assertThat(third.channel("a").conversions()).isCloseTo(4 * 0.75 / 2.75, within(EXACT));
        assertThat(third.channel("b").conversions()).isCloseTo(4 / 2.75, within(EXACT));
        assertThat(third.channel("a").valueRemovalEffect().getAsDouble()).isCloseTo(6.0 / 7, within(EXACT));
        assertThat(third.channel("a").value()).isCloseTo(10.5, within(EXACT));
        assertThat(MarkovChain.of(journeys, 3).transitions())
                .anyMatch(t -> t.from().equals("a > b > c") && t.to().equals(MarkovChain.CONVERSION)
                        && Math.abs(t.probability() - 0.75) < EXACT);
    }

    @Test
    void withoutNullsTheResultDegeneratesAndSaysSo() {
        // CA-TOY-TOY1 markov_order1_no_null: 1/3 each; only c1 > c2 > c3 is walked
        Journeys journeys = Journeys.of(List.of(Fixtures.row("c1 > c2 > c3", 1, 1, 0), Fixtures.row("c1", 0, 0, 0),
                Fixtures.row("c2 > c3", 0, 0, 0)), false);

        AttributionResult result = Attribution.markov(journeys, 1);

        assertThat(result.conversionProbability().getAsDouble()).isCloseTo(1, within(EXACT));
        assertThat(result.channels()).allSatisfy(c -> assertThat(c.conversions()).isCloseTo(1.0 / 3, within(EXACT)));
        assertThat(result.notes()).singleElement().asString().contains("degenerates");
        // toy3 without nulls: CA 2, 1.50236, 0.49764 (simulated); exact 2, 1.5, 0.5
        AttributionResult toy3 = Attribution.markov(Journeys.of(List.of(Fixtures.row("a > b", 3, 3, 0),
                Fixtures.row("a > c", 1, 1, 0)), false), 1);
        assertThat(toy3.channel("b").conversions()).isCloseTo(1.5, within(EXACT));
    }

    @Test
    void noConversionsGiveZerosNotNaN() {
        AttributionResult result = Attribution.markov(Journeys.of(List.of(Fixtures.row("a > b", 0, 0, 3))), 2);

        assertThat(result.conversionProbability().getAsDouble()).isZero();
        assertThat(result.channels()).allSatisfy(c -> {
            assertThat(c.conversions()).isZero();
            assertThat(c.removalEffect().getAsDouble()).isZero();
            assertThat(c.valueRemovalEffect().getAsDouble()).isZero();
        });
    }

    @Test
    void pathDataIsExactAgainstADenseSolveAndWithinChannelAttributionsSimulation() throws Exception {
        List<String[]> rows = Fixtures.pathDataRows();
        Journeys journeys = PathsCsv.read(Fixtures.pathData(), PathColumns.DEFAULTS);

        AttributionResult result = Attribution.markov(journeys, 1);

        Map<String, Double> dense = denseRemovalEffects(rows);
        double p = dense.remove("(start)");
        assertThat(result.conversionProbability().getAsDouble()).isCloseTo(p, within(EXACT));
        for (Map.Entry<String, Double> e : dense.entrySet()) {
            assertThat(result.channel(e.getKey()).removalEffect().getAsDouble()).as(e.getKey())
                    .isCloseTo(e.getValue(), within(EXACT));
        }
        // MEASURE.md: exact eta 3340.8, alpha 5344.9; CA with nsim = 5e6: eta 3351.3, alpha 5341.3
        assertThat(result.channel("eta").conversions()).isCloseTo(3340.8, within(0.1));
        assertThat(result.channel("alpha").conversions()).isCloseTo(5344.9, within(0.1));
        assertThat(result.channel("eta").conversions()).isCloseTo(3351.3, withPercentage(1));
        assertThat(result.channel("alpha").conversions()).isCloseTo(5341.3, withPercentage(1));
        assertThat(result.channels().stream().mapToDouble(ChannelCredit::conversions).sum())
                .isCloseTo(19785, within(1e-6));
        assertThat(result.channels().stream().mapToDouble(ChannelCredit::value).sum())
                .isCloseTo(74802.97158721084, within(1e-6)); // the values' exact sum (SOURCES.md rounds it)
    }

    @Test
    void higherOrdersOnPathDataAgreeWithADenseSolve() throws Exception {
        Journeys journeys = PathsCsv.read(Fixtures.pathData(), PathColumns.DEFAULTS);
        List<String[]> rows = Fixtures.pathDataRows();
        for (int order = 2; order <= 3; order++) {
            AttributionResult result = Attribution.markov(journeys, order);
            // order 3 has ~1,000 states: an LU each for the largest, a middling and the smallest channel
            Map<String, Double> dense = denseRemovalEffects(rows, order,
                    order == 2 ? null : List.of("alpha", "theta", "mi"));
            assertThat(result.conversionProbability().getAsDouble()).isCloseTo(dense.remove("(start)"), within(EXACT));
            for (Map.Entry<String, Double> e : dense.entrySet()) {
                assertThat(result.channel(e.getKey()).removalEffect().getAsDouble()).as(e.getKey() + " order " + order)
                        .isCloseTo(e.getValue(), within(EXACT));
            }
        }
    }

    private static Map<String, Double> denseRemovalEffects(List<String[]> rows) {
        return denseRemovalEffects(rows, 1, null);
    }

    /**
     * P(conv) under "(start)" and each channel's removal effect, from a transition matrix built with
     * strings and maps straight from the rows, solved by LU: a second implementation to check the first.
     */
    private static Map<String, Double> denseRemovalEffects(List<String[]> rows, int order, List<String> only) {
        Map<String, Map<String, Double>> weights = new LinkedHashMap<>();
        for (String[] row : rows) {
            double conv = Double.parseDouble(row[1]);
            double nul = Double.parseDouble(row[3]);
            List<String> touches = new ArrayList<>();
            for (String c : row[0].split(">")) {
                touches.add(c.strip());
            }
            // ChannelAttribution's states: windows of `order` touches (a shorter journey: one state), repeats merged
            List<String> windows = new ArrayList<>();
            for (int i = 0; i == 0 || i + order <= touches.size(); i++) {
                String state = String.join(",", touches.subList(i, Math.min(touches.size(), i + order)));
                if (windows.isEmpty() || !windows.get(windows.size() - 1).equals(state)) {
                    windows.add(state);
                }
            }
            String previous = "(start)";
            for (String state : windows) {
                weights.computeIfAbsent(previous, k -> new HashMap<>()).merge(state, conv + nul, Double::sum);
                previous = state;
            }
            weights.computeIfAbsent(previous, k -> new HashMap<>()).merge("(conversion)", conv, Double::sum);
            weights.computeIfAbsent(previous, k -> new HashMap<>()).merge("(null)", nul, Double::sum);
        }
        List<String> states = new ArrayList<>(weights.keySet());
        Map<String, Double> result = new LinkedHashMap<>();
        double base = solve(weights, states, null);
        result.put("(start)", base);
        for (String channel : states.stream().filter(s -> !s.startsWith("(")).flatMap(s -> Arrays.stream(s.split(",")))
                .distinct().filter(c -> only == null || only.contains(c)).toList()) {
            result.put(channel, 1 - solve(weights, states, channel) / base);
        }
        return result;
    }

    private static double solve(Map<String, Map<String, Double>> weights, List<String> states, String removed) {
        int n = states.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(states.get(i), i);
        }
        double[][] a = new double[n][n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1;
            String from = states.get(i);
            if (removed != null && Arrays.asList(from.split(",")).contains(removed)) {
                continue; // x = 0
            }
            double out = weights.get(from).values().stream().mapToDouble(Double::doubleValue).sum();
            for (Map.Entry<String, Double> e : weights.get(from).entrySet()) {
                if (e.getKey().equals("(conversion)")) {
                    b[i] += e.getValue() / out;
                } else if (!e.getKey().equals("(null)")) {
                    a[i][index.get(e.getKey())] -= e.getValue() / out;
                }
            }
        }
        double[] x = new LUDecomposition(new Array2DRowRealMatrix(a)).getSolver()
                .solve(new ArrayRealVector(b)).toArray();
        return x[index.get("(start)")];
    }
}
