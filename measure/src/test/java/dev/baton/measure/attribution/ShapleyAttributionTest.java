package dev.baton.measure.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three Shapley variants: eeghor/mta's standard Shapley tests (MTA-SHAPLEY-TESTS), ianchute's
 * ordered Shapley (SHAP-ZHAO-ORDERED-TOY), a brute-force standard Shapley over all 2^20 coalitions of
 * ianchute's sample journeys (MIT, copied to the test resources), and the conversion-rate game.
 */
class ShapleyAttributionTest {

    private static final double EXACT = 1e-9;

    @Test
    void standardShapleyMatchesEeghorMta() {
        // MTA-SHAPLEY-TESTS: {a: 5}, {a..d: 2.5 each}, {a: 7, b: 3}
        assertThat(Attribution.shapley(Journeys.of(List.of(Fixtures.row("a", 5, 0, 0)))).channel("a").conversions())
                .isCloseTo(5, within(EXACT));
        AttributionResult four = Attribution.shapley(Journeys.of(List.of(Fixtures.row("a > b > c > d", 10, 0, 0))));
        assertThat(four.channels()).allSatisfy(c -> assertThat(c.conversions()).isCloseTo(2.5, within(EXACT)));
        AttributionResult two = Attribution.shapley(Journeys.of(List.of(Fixtures.row("a", 4, 0, 0),
                Fixtures.row("a > b", 6, 0, 0))));
        assertThat(two.channel("a").conversions()).isCloseTo(7, within(EXACT));
        assertThat(two.channel("b").conversions()).isCloseTo(3, within(EXACT));
    }

    @Test
    void orderedShapleyMatchesIanchutePerPosition() {
        Journeys journeys = journeys(List.of(List.of(1, 2, 3), List.of(1, 2), List.of(2, 3), List.of(1),
                List.of(3, 1, 2), List.of(2, 2, 1)));

        AttributionResult result = Attribution.shapleyOrdered(journeys);

        // SHAP-ZHAO-ORDERED-TOY
        assertPositions(result.channel("1"), 1.8333333333333333, 0.3333333333333333, 0.5);
        assertPositions(result.channel("2"), 0.75, 1.0833333333333333, 0.3333333333333333);
        assertPositions(result.channel("3"), 0.3333333333333333, 0.5, 0.3333333333333333);
        assertThat(result.channel("1").conversions()).isCloseTo(2.6666666666666665, within(EXACT));
        assertThat(result.channel("2").conversions()).isCloseTo(2.1666666666666665, within(EXACT));
        assertThat(result.channel("3").conversions()).isCloseTo(1.1666666666666665, within(EXACT));
    }

    @Test
    void ianchuteSampleMatchesABruteForceShapleyOverEveryCoalition() throws Exception {
        List<List<Integer>> sample = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/attribution/ianchute_sample_journeys.json")) {
            for (JsonNode journey : new JsonMapper().readTree(in)) {
                List<Integer> touches = new ArrayList<>();
                journey.forEach(t -> touches.add(t.asInt()));
                sample.add(touches);
            }
        }
        Journeys journeys = journeys(sample);

        AttributionResult simplified = Attribution.shapley(journeys);
        AttributionResult ordered = Attribution.shapleyOrdered(journeys);
        AttributionResult unique = Attribution.linearUnique(journeys);

        assertThat(sample).hasSize(2392);
        double[] brute = bruteForceShapley(journeys);
        for (int c = 0; c < journeys.channels().size(); c++) {
            String name = journeys.channels().get(c);
            assertThat(simplified.channel(name).conversions()).as(name).isCloseTo(brute[c], within(EXACT));
            assertThat(unique.channel(name).conversions()).isCloseTo(brute[c], within(EXACT));
            double positions = ordered.channel(name).positions().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(positions).isCloseTo(brute[c], within(EXACT));
            assertThat(ordered.channel(name).conversions()).isCloseTo(brute[c], within(EXACT));
        }
        assertThat(simplified.totalConversions()).isEqualTo(2392);
    }

    /**
     * Rows: a (3 conv, 1 null), b (1, 3), a > b (3, 1). v(a) = 0.75, v(b) = 0.25, v(ab) = 0.75.
     * Dividends: d(a) = 0.75, d(b) = 0.25, d(ab) = 0.75 − 0.75 − 0.25 = −0.25. φ_a = 0.75 − 0.125 = 0.625,
     * φ_b = 0.25 − 0.125 = 0.125 (the standard formula: φ_b = ½·v(b) + ½·(v(ab) − v(a)) = 0.125), sum 0.75.
     * Shares of the 7 conversions: a 7·0.625/0.75 = 5.8333, b 1.1667.
     */
    @Test
    void rateShapleyCountsJourneysThatDidNotConvert() {
        Journeys journeys = Journeys.of(List.of(Fixtures.row("a", 3, 30, 1), Fixtures.row("b", 1, 10, 3),
                Fixtures.row("a > b", 3, 30, 1)));

        AttributionResult result = Attribution.shapleyRate(journeys);

        assertThat(result.channel("a").conversions()).isCloseTo(7 * 0.625 / 0.75, within(EXACT));
        assertThat(result.channel("b").conversions()).isCloseTo(7 * 0.125 / 0.75, within(EXACT));
        // value per journey: v(a) = 7.5, v(b) = 2.5, v(ab) = 7.5: the same shape, scaled to the value 70
        assertThat(result.channel("a").value()).isCloseTo(70 * 0.625 / 0.75, within(EXACT));
        // the simplified Shapley value ignores the nulls: b gets half of a > b's 3 and all of b's 1
        assertThat(Attribution.shapley(journeys).channel("b").conversions()).isCloseTo(2.5, within(EXACT));
        assertThat(result.explanation()).contains("Dalessandro").contains("0.75");
    }

    @Test
    void rateShapleyIsTheStandardShapleyValueWhenEveryCoalitionIsSeen() {
        String[] sets = {"a", "b", "c", "a > b", "a > c", "b > c", "a > b > c"};
        double[][] outcomes = {{2, 8}, {1, 9}, {3, 7}, {4, 4}, {3, 5}, {2, 6}, {9, 3}};
        List<Journeys.Journey> rows = new ArrayList<>();
        for (int i = 0; i < sets.length; i++) {
            rows.add(Fixtures.row(sets[i], outcomes[i][0], 0, outcomes[i][1]));
        }
        // v(S) = conversion rate of exactly S; the Shapley value by its permutation formula, over all 3! orders
        double[] v = new double[8];
        int[] masks = {1, 2, 4, 3, 5, 6, 7};
        for (int i = 0; i < sets.length; i++) {
            v[masks[i]] = outcomes[i][0] / (outcomes[i][0] + outcomes[i][1]);
        }
        double[] phi = new double[3];
        int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] order : orders) {
            int coalition = 0;
            for (int player : order) {
                phi[player] += (v[coalition | 1 << player] - v[coalition]) / 6;
                coalition |= 1 << player;
            }
        }

        AttributionResult result = Attribution.shapleyRate(Journeys.of(rows));

        double total = phi[0] + phi[1] + phi[2]; // = v(abc) = 0.75
        assertThat(total).isCloseTo(0.75, within(EXACT));
        double conversions = 2 + 1 + 3 + 4 + 3 + 2 + 9;
        assertThat(result.channel("a").conversions()).isCloseTo(conversions * phi[0] / total, within(EXACT));
        assertThat(result.channel("b").conversions()).isCloseTo(conversions * phi[1] / total, within(EXACT));
        assertThat(result.channel("c").conversions()).isCloseTo(conversions * phi[2] / total, within(EXACT));
    }

    @Test
    void rateShapleyWithoutNullsSaysItDegenerates() {
        AttributionResult result = Attribution.shapleyRate(Journeys.of(List.of(Fixtures.row("a", 3, 0, 0),
                Fixtures.row("b", 1, 0, 0)), false));

        // both sets convert at rate 1: equal values, shares of all 4 conversions
        assertThat(result.channel("a").conversions()).isCloseTo(2, within(EXACT));
        assertThat(result.notes()).anyMatch(n -> n.contains("rate 1"));
    }

    @Test
    void rateShapleyRefusesJourneysTooWideToWeighExactly() {
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            channels.add("c" + i);
        }
        Journeys wide = Journeys.of(List.of(new Journeys.Journey(channels, 1, 0, 1)));

        assertThatThrownBy(() -> Attribution.shapleyRate(wide)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("25 distinct channels").hasMessageContaining("use shapley or markov");
    }

    private static void assertPositions(ChannelCredit credit, double... expected) {
        assertThat(credit.positions()).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(credit.positions().get(i)).isCloseTo(expected[i], within(EXACT));
        }
    }

    /** One converting journey per list of channel ids. */
    private static Journeys journeys(List<List<Integer>> touches) {
        List<Journeys.Journey> rows = new ArrayList<>();
        for (List<Integer> journey : touches) {
            rows.add(new Journeys.Journey(journey.stream().map(String::valueOf).toList(), 1));
        }
        return Journeys.of(rows);
    }

    /**
     * φ_j = Σ_{S ⊆ N∖j} |S|!(n−|S|−1)!/n! · [v(S∪j) − v(S)] with v(S) = Σ_{T ⊆ S} R(T), over all 2^n
     * coalitions (v by a subset-sum transform): the definition, as eeghor/mta enumerates it.
     */
    private static double[] bruteForceShapley(Journeys journeys) {
        int n = journeys.channels().size();
        double[] v = new double[1 << n];
        for (int p = 0; p < journeys.distinctPaths(); p++) {
            int set = 0;
            for (int t = journeys.starts[p]; t < journeys.starts[p + 1]; t++) {
                set |= 1 << journeys.touches[t];
            }
            v[set] += journeys.conversions[p];
        }
        for (int b = 0; b < n; b++) {
            for (int s = 0; s < 1 << n; s++) {
                if ((s & 1 << b) != 0) {
                    v[s] += v[s ^ 1 << b];
                }
            }
        }
        double[] weight = new double[n];
        for (int size = 0; size < n; size++) {
            // |S|!(n−|S|−1)!/n! = 1 / (n · C(n−1, |S|))
            double choose = 1;
            for (int k = 0; k < size; k++) {
                choose = choose * (n - 1 - k) / (k + 1);
            }
            weight[size] = 1 / (n * choose);
        }
        double[] phi = new double[n];
        for (int s = 0; s < 1 << n; s++) {
            for (int j = 0; j < n; j++) {
                if ((s & 1 << j) == 0) {
                    phi[j] += weight[Integer.bitCount(s)] * (v[s | 1 << j] - v[s]);
                }
            }
        }
        return phi;
    }
}
