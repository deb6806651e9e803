package dev.baton.measure.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule-based models against ChannelAttribution 2.2.4's heuristic_models (CA-HEUR-PATHDATA and the
 * CA-TOY vectors of measure_vectors.json) and against hand-computed splits for the models CA lacks.
 */
class HeuristicModelsTest {

    private static final double EXACT = 1e-9;

    @Test
    void pathDataMatchesChannelAttributionsHeuristicModels() throws Exception {
        Journeys journeys = PathsCsv.read(Fixtures.pathData(), PathColumns.DEFAULTS);
        Path vectors = Fixtures.pathData().getParent().getParent().getParent().resolve("reference/measure_vectors.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(vectors), "measure_vectors.json is in ../shared");
        JsonNode expected = null;
        for (JsonNode vector : new JsonMapper().readTree(Files.readString(vectors)).get("vectors")) {
            if (vector.get("id").asString().equals("CA-HEUR-PATHDATA")) {
                expected = vector.get("expected");
            }
        }
        assertThat(expected).isNotNull();

        Map<String, AttributionResult> results = Map.of("first_touch", Attribution.firstTouch(journeys),
                "last_touch", Attribution.lastTouch(journeys), "linear_touch", Attribution.linear(journeys));

        assertThat(journeys.rows()).isEqualTo(10_000);
        assertThat(journeys.channels()).hasSize(12);
        for (Map.Entry<String, AttributionResult> model : results.entrySet()) {
            for (ChannelCredit credit : model.getValue().channels()) {
                JsonNode figures = expected.get(credit.channel());
                double conversions = figures.get(model.getKey() + "_conversions").asDouble();
                double value = figures.get(model.getKey() + "_value").asDouble();
                assertThat(credit.conversions()).as(model.getKey() + " " + credit.channel())
                        .isCloseTo(conversions, within(EXACT * Math.abs(conversions)));
                assertThat(credit.value()).as(model.getKey() + " value " + credit.channel())
                        .isCloseTo(value, within(EXACT * Math.abs(value)));
            }
        }
    }

    @Test
    void toysMatchChannelAttribution() {
        // CA-TOY-TOY1
        AttributionResult linear1 = Attribution.linear(Fixtures.toy1());
        assertThat(linear1.channels()).allSatisfy(c -> assertThat(c.conversions()).isCloseTo(1.0 / 3, within(EXACT)));
        assertThat(Attribution.firstTouch(Fixtures.toy1()).channel("c1").conversions()).isEqualTo(1);
        assertThat(Attribution.lastTouch(Fixtures.toy1()).channel("c3").value()).isEqualTo(1);
        // CA-TOY-TOY2: repeated touches count in linear (A 2.5, where mta's unique split gives 2.167)
        Journeys toy2 = Fixtures.toy2();
        AttributionResult first = Attribution.firstTouch(toy2);
        AttributionResult last = Attribution.lastTouch(toy2);
        AttributionResult linear = Attribution.linear(toy2);
        assertThat(first.channel("A").conversions()).isEqualTo(5);
        assertThat(first.channel("A").value()).isEqualTo(75);
        assertThat(first.channel("B").conversions()).isEqualTo(2);
        assertThat(first.channel("B").value()).isEqualTo(15);
        assertThat(first.channel("C").conversions()).isZero();
        assertThat(last.channel("B").conversions()).isEqualTo(1);
        assertThat(last.channel("B").value()).isEqualTo(5);
        assertThat(last.channel("C").conversions()).isEqualTo(6);
        assertThat(last.channel("C").value()).isEqualTo(85);
        assertThat(linear.channel("A").conversions()).isCloseTo(2.5, within(EXACT));
        assertThat(linear.channel("A").value()).isCloseTo(37.5, within(EXACT));
        assertThat(linear.channel("B").conversions()).isCloseTo(2.16666666666667, within(EXACT));
        assertThat(linear.channel("B").value()).isCloseTo(19.1666666666667, within(EXACT));
        assertThat(linear.channel("C").conversions()).isCloseTo(2.33333333333333, within(EXACT));
        assertThat(linear.channel("C").value()).isCloseTo(33.3333333333333, within(EXACT));
        // CA-TOY-TOY3
        AttributionResult linear3 = Attribution.linear(Fixtures.toy3());
        assertThat(linear3.channel("a").conversions()).isCloseTo(2, within(EXACT));
        assertThat(linear3.channel("b").conversions()).isCloseTo(1.5, within(EXACT));
        assertThat(linear3.channel("c").conversions()).isCloseTo(0.5, within(EXACT));
        assertThat(Attribution.firstTouch(Fixtures.toy3()).channel("a").conversions()).isEqualTo(4);
    }

    @Test
    void linearUniqueSharesPerDistinctChannel() {
        AttributionResult result = Attribution.linearUnique(Fixtures.toy2());

        // A > B > A > C (2 conv): A 2/3; A > C (3 conv): A 1.5  ->  2.1667, eeghor/mta's linear(share='same')
        assertThat(result.channel("A").conversions()).isCloseTo(2.0 / 3 + 1.5, within(EXACT));
        // B > B > C (1 conv): B 1/2, not 2/3
        assertThat(result.channel("B").conversions()).isCloseTo(2.0 / 3 + 0.5 + 1, within(EXACT));
        assertThat(result.channel("A").value()).isCloseTo(10 + 22.5, within(EXACT));
        assertThat(result.channels().stream().mapToDouble(ChannelCredit::conversions).sum()).isCloseTo(7, within(EXACT));
    }

    @Test
    void timeDecayHalvesTheWeightEveryHalfLifeBackFromTheConversion() {
        Journeys journeys = Journeys.of(List.of(Fixtures.row("a > b > c", 7, 70, 3)));

        AttributionResult halfLifeOne = Attribution.timeDecay(journeys, 1);
        AttributionResult halfLifeTwo = Attribution.timeDecay(journeys, 2);

        // weights 1/4, 1/2, 1 over 7/4
        assertThat(halfLifeOne.channel("a").conversions()).isCloseTo(1, within(EXACT));
        assertThat(halfLifeOne.channel("b").conversions()).isCloseTo(2, within(EXACT));
        assertThat(halfLifeOne.channel("c").conversions()).isCloseTo(4, within(EXACT));
        assertThat(halfLifeOne.channel("c").value()).isCloseTo(40, within(EXACT));
        // weights 1/2, 1/√2, 1
        double sum = 0.5 + Math.sqrt(0.5) + 1;
        assertThat(halfLifeTwo.channel("a").conversions()).isCloseTo(7 * 0.5 / sum, within(EXACT));
        assertThat(halfLifeTwo.explanation()).contains("every 2 touch(es)");
    }

    @Test
    void positionBasedGivesFortyTwentyFortyAndSplitsShortJourneys() {
        Journeys journeys = Journeys.of(List.of(Fixtures.row("a", 1, 0, 0), Fixtures.row("b > c", 2, 0, 0),
                Fixtures.row("a > b > c > d", 10, 100, 0), Fixtures.row("d > a > d", 5, 0, 0)));

        AttributionResult result = Attribution.positionBased(journeys);

        // a: 1 + 4 + 5·0.2; b: 1 + 1; c: 1 + 1; d: 4 + 5·0.8
        assertThat(result.channel("a").conversions()).isCloseTo(6, within(EXACT));
        assertThat(result.channel("b").conversions()).isCloseTo(2, within(EXACT));
        assertThat(result.channel("c").conversions()).isCloseTo(2, within(EXACT));
        assertThat(result.channel("d").conversions()).isCloseTo(8, within(EXACT));
        assertThat(result.channel("a").value()).isCloseTo(40, within(EXACT));
        assertThat(result.channel("b").value()).isCloseTo(10, within(EXACT));
    }

    @Test
    void fractionalConversionsAreKeptNotTruncated() {
        Journeys journeys = Journeys.of(List.of(Fixtures.row("a > b", 0.5, 2, 0), Fixtures.row("b", 1.25, 1, 0)));

        AttributionResult first = Attribution.firstTouch(journeys);

        // ChannelAttribution's C++ casts to unsigned long and would credit a with 0 and b with 1
        assertThat(first.channel("a").conversions()).isEqualTo(0.5);
        assertThat(first.channel("b").conversions()).isEqualTo(1.25);
        assertThat(first.totalConversions()).isEqualTo(1.75);
    }

    @Test
    void nonConvertingJourneysEarnNothingAndChannelsAreSortedByCredit() {
        Journeys journeys = Journeys.of(List.of(Fixtures.row("x > y", 0, 0, 100), Fixtures.row("b", 1, 0, 0),
                Fixtures.row("a", 1, 0, 0), Fixtures.row("c", 3, 0, 0)));

        AttributionResult result = Attribution.lastTouch(journeys);

        assertThat(result.channels()).extracting(ChannelCredit::channel).containsExactly("c", "a", "b", "x", "y");
        assertThat(result.channel("x").conversions()).isZero();
        assertThat(result.conversionProbability()).isEmpty();
        assertThat(result.channel("a").removalEffect()).isEmpty();
        assertThat(result.channel("a").positions()).isEmpty();
    }
}
