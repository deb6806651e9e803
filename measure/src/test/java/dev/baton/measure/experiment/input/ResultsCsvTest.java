package dev.baton.measure.experiment.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.baton.measure.experiment.Comparison;
import dev.baton.measure.experiment.ExperimentResult;
import dev.baton.measure.experiment.Proportion;
import dev.baton.measure.experiment.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCsvTest {

    @TempDir
    Path tmp;

    @Test
    void aGrowthBookExportIsReanalysedToGrowthBooksOwnFigures() throws Exception {
        // The GB-TTEST-REL arms as GrowthBook's results page exports them (json2csv of ResultsDownloadButton).
        Path file = tmp.resolve("gb.csv");
        Files.writeString(file, """
                "metric","variation","riskOfChoosing","users","totalValue","perUserValue","perUserValueStdDev","chanceToBeatControl","percentChange","percentChangePValue"
                "Revenue","Control",0,3407,1396.87,0.41,3.9,,,
                "Revenue","Variant",0,3461,2422.7,0.7,6.2,,0.7073,0.0619
                "Signed up","Control",0,3407,1022,0.2999,0.4582,,,
                "Signed up","Variant",0,3461,1107,0.3198,0.4664,,0.066,0.07
                """);
        UnitData data = ResultsCsv.growthBook(file);
        assertThat(data.experiments()).singleElement().satisfies(e -> {
            assertThat(e.arms()).containsExactly("Control", "Variant");
            assertThat(e.users()).containsExactly(3407L, 3461L);
        });
        ExperimentResult r = data.analyze(Settings.defaults()).get(0);
        Comparison revenue = r.metrics().get(0).comparisons().get(0);
        assertThat(revenue.expected()).isCloseTo(0.7073170731707317, within(1e-12));
        assertThat(revenue.pValue()).isCloseTo(0.06191182745618362, within(1e-9));
        assertThat(r.bhAdjusted()).isTrue();
        assertThat(data.notes().get(0)).contains("GrowthBook").contains("CUPED");
    }

    @Test
    void aGrowthBookDimensionColumnSplitsTheExperiments() throws Exception {
        Path file = tmp.resolve("gb-dim.csv");
        Files.writeString(file, """
                "Country","metric","variation","riskOfChoosing","users","totalValue","perUserValue","perUserValueStdDev"
                "US","Orders","Control",0,1000,300,0.3,0.45
                "US","Orders","Variant",0,1000,340,0.34,0.47
                "FR","Orders","Control",0,500,100,0.2,0.4
                "FR","Orders","Variant",0,520,120,0.23,0.42
                """);
        assertThat(ResultsCsv.growthBook(file).experiments()).extracting(UnitData.ExperimentData::id)
                .containsExactly("US", "FR");
    }

    @Test
    void anOptimizelyExportOfConversionsIsReadAsProportionsWithItsBaseline() throws Exception {
        Path file = tmp.resolve("opt.csv");
        Files.writeString(file, """
                Experiment Name,Metric Name,Variation Name,Baseline,Visitors,Unique Conversions,Conversion Rate,Improvement
                Checkout,Purchases,Variation #1,false,"10,000",1200,12.00%,20.0%
                Checkout,Purchases,Original,true,"10,000",1000,10.00%,
                """);
        UnitData data = ResultsCsv.optimizely(file);
        UnitData.ExperimentData e = data.experiments().get(0);
        assertThat(e.id()).isEqualTo("Checkout");
        assertThat(e.arms()).containsExactly("Original", "Variation #1");
        assertThat(e.metrics().get(0).statistics()).containsExactly(new Proportion(10000, 1000),
                new Proportion(10000, 1200));
    }

    @Test
    void missingColumnsAndBadNumbersAreRefusedWithTheirPlace() throws Exception {
        Path file = tmp.resolve("bad.csv");
        Files.writeString(file, "Metric Name,Variation Name,Conversions\nx,a,3\n");
        assertThatRefused(() -> ResultsCsv.optimizely(file), "expected a users column");
        Path numbers = tmp.resolve("numbers.csv");
        Files.writeString(numbers, "Metric,Variation,Visitors,Revenue\nrev,a,100,12.5\nrev,b,many,300\n");
        assertThatRefused(() -> ResultsCsv.optimizely(numbers), "conversions or value");
        Path value = tmp.resolve("value.csv");
        Files.writeString(value, "Metric,Variation,Visitors,Value\nrev,a,100,1250\nrev,b,many,300\n");
        List<String> lines = lines(() -> ResultsCsv.optimizely(value));
        assertThat(lines).anyMatch(l -> l.startsWith("r.csv:2: Value: expected conversions at most the visitors"))
                .anyMatch(l -> l.equals("r.csv:3: Visitors: expected a number, found 'many'"));
    }

    interface Read {
        UnitData run() throws Exception;
    }

    static List<String> lines(Read read) throws Exception {
        try {
            read.run();
        } catch (InputRefused e) {
            return e.lines("r.csv");
        }
        throw new AssertionError("expected a refusal");
    }

    static void assertThatRefused(Read read, String text) throws Exception {
        assertThat(lines(read)).anyMatch(l -> l.contains(text));
    }
}
