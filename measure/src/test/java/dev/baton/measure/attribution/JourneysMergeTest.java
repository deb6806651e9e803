package dev.baton.measure.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Paths read in parts and merged give the attribution of the whole file (the scale module's Spark jobs rely on it). */
class JourneysMergeTest {

    private static final String HEADER = "path,total_conversions,total_conversion_value,total_null\n";
    private static final String FIRST = "a > b,1,10,2\nb,0,0,5\nc > a > b,2,7.5,1\n";
    private static final String SECOND = "b > c,1,3,0\na > b,1,2,1\nc,0,0,4\n";

    private static Journeys read(String csv) throws IOException {
        return PathsCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "paths.csv",
                PathColumns.DEFAULTS);
    }

    @Test
    void mergedPartsFoldSharedPathsAcrossDifferentChannelNumbering() throws IOException {
        Journeys whole = read(HEADER + FIRST + SECOND);
        Journeys merged = Journeys.merge(read(HEADER + FIRST), read(HEADER + SECOND));

        assertThat(merged.rows()).isEqualTo(6);
        assertThat(merged.distinctPaths()).isEqualTo(whole.distinctPaths()).isEqualTo(5);
        assertThat(merged.totalConversions()).isEqualTo(5);
        assertThat(merged.totalValue()).isEqualTo(22.5);
        assertThat(merged.totalNulls()).isEqualTo(13);
        assertThat(merged.nullsKnown()).isTrue();
        for (AttributionModel model : AttributionModel.values()) {
            AttributionResult expected = Attribution.run(model, whole, AttributionOptions.DEFAULTS);
            AttributionResult actual = Attribution.run(model, merged, AttributionOptions.DEFAULTS);
            assertThat(actual.channels()).hasSameSizeAs(expected.channels());
            for (ChannelCredit credit : expected.channels()) {
                assertThat(actual.channel(credit.channel()).conversions()).as(model + " " + credit.channel())
                        .isCloseTo(credit.conversions(), within(1e-12));
                assertThat(actual.channel(credit.channel()).value()).isCloseTo(credit.value(), within(1e-12));
            }
        }
    }

    @Test
    void anEmptyPartLeavesTheOtherAsItWas() throws IOException {
        Journeys part = read(HEADER + FIRST);
        Journeys merged = Journeys.merge(read(HEADER), part);

        assertThat(merged.rows()).isEqualTo(3);
        assertThat(merged.channels()).containsExactlyInAnyOrderElementsOf(part.channels());
        assertThat(Attribution.markov(merged, 1).conversionProbability())
                .isEqualTo(Attribution.markov(part, 1).conversionProbability());
    }
}
