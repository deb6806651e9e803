package dev.baton.measure.experiment.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.baton.measure.experiment.ArmStatistic;
import dev.baton.measure.experiment.CupedRatioStatistic;
import dev.baton.measure.experiment.CupedStatistic;
import dev.baton.measure.experiment.ExperimentResult;
import dev.baton.measure.experiment.Proportion;
import dev.baton.measure.experiment.RatioStatistic;
import dev.baton.measure.experiment.SampleMean;
import dev.baton.measure.experiment.Settings;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitCsvTest {

    @TempDir
    Path tmp;

    Path write(String text) throws Exception {
        Path file = tmp.resolve("units.csv");
        Files.writeString(file, text);
        return file;
    }

    static List<String> refused(Path file, UnitCsv.Options options) throws Exception {
        try {
            UnitCsv.read(file, options);
        } catch (InputRefused e) {
            return e.lines("units.csv");
        }
        throw new AssertionError("expected the file to be refused");
    }

    @Test
    void rowsFoldIntoSufficientStatisticsPerExperimentAndArm() throws Exception {
        Path file = write("""
                experiment,unit,variant,converted,revenue,pre_revenue,clicks,clicks_denominator
                e1,u1,treatment,1,10.5,8,3,4
                e1,u2,control,0,0,2,1,2
                e1,u3,control,1,4,3,0,1
                e2,u4,b,0,1,1,1,1
                e1,u5,treatment,0,2.5,,2,2
                e2,u6,a,1,3,0,2,3
                "e1","u7","control",1,6,5,1,1
                """);
        UnitData data = UnitCsv.read(file, UnitCsv.Options.defaults());
        assertThat(data.rows()).isEqualTo(7);
        assertThat(data.experiments()).extracting(UnitData.ExperimentData::id).containsExactly("e1", "e2");
        UnitData.ExperimentData e1 = data.experiments().get(0);
        assertThat(e1.arms()).containsExactly("control", "treatment");
        assertThat(e1.users()).containsExactly(3L, 2L);
        assertThat(e1.metrics()).extracting(m -> m.name()).containsExactly("converted", "revenue", "clicks");
        List<ArmStatistic> converted = e1.metrics().get(0).statistics();
        assertThat(converted.get(0)).isEqualTo(new Proportion(3, 2));
        CupedStatistic revenue = (CupedStatistic) e1.metrics().get(1).statistics().get(1);
        assertThat(revenue.post()).isEqualTo(new SampleMean(2, 13, 10.5 * 10.5 + 2.5 * 2.5));
        // an empty pre_revenue is 0
        assertThat(revenue.pre()).isEqualTo(new SampleMean(2, 8, 64));
        assertThat(revenue.sumOfProducts()).isEqualTo(84);
        RatioStatistic clicks = (RatioStatistic) e1.metrics().get(2).statistics().get(0);
        assertThat(clicks.numerator()).isEqualTo(new SampleMean(3, 2, 2));
        assertThat(clicks.denominator()).isEqualTo(new SampleMean(3, 4, 6));
        assertThat(clicks.sumOfProducts()).isEqualTo(1 * 2 + 0 + 1);
        // no arm called control in e2: the first seen is the baseline
        assertThat(data.experiments().get(1).arms()).containsExactly("b", "a");
    }

    @Test
    void aRatioWithAPrePeriodRatioIsAdjustedByIt() throws Exception {
        Path file = write("""
                unit,variant,rev,rev_denominator,pre_rev,pre_rev_denominator
                1,control,10,2,6,1
                2,control,4,1,5,2
                3,control,9,3,3,1
                4,treatment,12,2,7,2
                5,treatment,3,1,2,1
                6,treatment,8,2,4,1
                """);
        UnitData.ExperimentData e = UnitCsv.read(file, UnitCsv.Options.defaults()).experiments().get(0);
        CupedRatioStatistic c = (CupedRatioStatistic) e.metrics().get(0).statistics().get(0);
        assertThat(c.numerator()).isEqualTo(new SampleMean(3, 23, 100 + 16 + 81));
        assertThat(c.denominator()).isEqualTo(new SampleMean(3, 6, 4 + 1 + 9));
        assertThat(c.preNumerator()).isEqualTo(new SampleMean(3, 14, 36 + 25 + 9));
        assertThat(c.preDenominator()).isEqualTo(new SampleMean(3, 4, 1 + 4 + 1));
        assertThat(c.products()).isEqualTo(new CupedRatioStatistic.Products(
                10 * 6 + 4 * 5 + 9 * 3, 2 * 1 + 1 * 2 + 3 * 1, 6 * 1 + 5 * 2 + 3 * 1,
                10 * 2 + 4 * 1 + 9 * 3, 10 * 1 + 4 * 2 + 9 * 1, 6 * 2 + 5 * 1 + 3 * 3));
        assertThat(UnitCsv.read(file, UnitCsv.Options.defaults()).notes()).isEmpty();
    }

    @Test
    void aPrePeriodDenominatorWithoutItsRatioIsRefusedAtTheHeader() throws Exception {
        Path file = write("unit,variant,rev,pre_rev_denominator\n1,a,1,1\n");
        assertThatThrownBy(() -> UnitCsv.read(file, UnitCsv.Options.defaults()))
                .isInstanceOf(InputRefused.class)
                .satisfies(x -> assertThat(((InputRefused) x).lines(file.toString()))
                        .anyMatch(l -> l.contains("pre_rev_denominator") && l.contains("rev_denominator")));
    }

    @Test
    void aNamedBaselineAndAChosenMetricAndNoExperimentColumn() throws Exception {
        Path file = write("unit,variant,x,y\n1,a,1.5,0\n2,b,2,1\n3,a,0.5,1\n4,b,4,0\n");
        UnitData data = UnitCsv.read(file, new UnitCsv.Options(null, List.of("x"), "b", 1));
        assertThat(data.experiments()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("experiment");
            assertThat(e.arms()).containsExactly("b", "a");
            assertThat(e.metrics()).extracting(m -> m.name()).containsExactly("x");
        });
        List<ExperimentResult> results = data.analyze(Settings.defaults());
        assertThat(results.get(0).metrics().get(0).comparisons().get(0).arm()).isEqualTo("a");
    }

    @Test
    void badRowsAreAllReportedWithLineAndColumn() throws Exception {
        Path file = write("unit,variant,revenue,pre_revenue\n1,a,abc,1\n2,b,3\n3,,1,2\n4,a,NaN,1\n5,b,1e3,2\n");
        assertThat(refused(file, UnitCsv.Options.defaults())).containsExactly(
                "units.csv:2: revenue: expected a number, found 'abc'",
                "units.csv:3: expected 4 fields as in the header, found 3",
                "units.csv:4: variant: expected the arm of this unit, found an empty field",
                "units.csv:5: revenue: expected a number, found 'NaN'");
    }

    @Test
    void aHeaderWithoutVariantOrWithAnOrphanCovariateIsRefused() throws Exception {
        assertThat(refused(write("unit,arm,revenue,pre_sales\n1,a,1,2\n"), UnitCsv.Options.defaults()))
                .anyMatch(l -> l.startsWith("units.csv:1: variant: expected a 'variant' column"))
                .anyMatch(l -> l.startsWith("units.csv:1: pre_sales: expected a metric column 'sales'"));
        assertThat(refused(write("unit,variant,revenue\n1,a,1\n"), new UnitCsv.Options(null, List.of("sales"), null, 1)))
                .singleElement().asString().contains("--metric sales: expected one of the metric columns")
                .contains("(revenue)");
        assertThat(refused(write("unit,variant,revenue\n1,a,1\n"), new UnitCsv.Options("exp", List.of(), null, 1)))
                .singleElement().asString().contains("exp: expected the experiment id column 'exp'");
    }

    @Test
    void parallelRangesGiveTheSameStatisticsAsOneThread() throws Exception {
        Path file = tmp.resolve("big.csv");
        Random random = new Random(7);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("experiment,unit,variant,converted,revenue,pre_revenue\r\n");
            for (int i = 0; i < 150_000; i++) {
                int e = random.nextInt(20);
                String v = random.nextBoolean() ? "control" : "treatment";
                double pre = random.nextInt(1000) / 10.0;
                w.write(String.format(Locale.ROOT, "exp-%d,unit-%d,%s,%d,%.2f,%.1f\r\n", e, i, v, random.nextInt(2),
                        pre * 0.8 + random.nextGaussian() * 5, pre));
            }
        }
        assertThat(Files.size(file)).isGreaterThan(UnitCsv.PARALLEL_FROM);
        UnitData one = UnitCsv.read(file, new UnitCsv.Options(null, List.of(), null, 1));
        UnitData three = UnitCsv.read(file, new UnitCsv.Options(null, List.of(), null, 3));
        assertThat(three.rows()).isEqualTo(150_000).isEqualTo(one.rows());
        assertThat(three.experiments()).hasSize(20);
        for (int e = 0; e < 20; e++) {
            UnitData.ExperimentData a = one.experiments().get(e);
            UnitData.ExperimentData b = three.experiments().get(e);
            assertThat(b.id()).isEqualTo(a.id());
            assertThat(b.users()).isEqualTo(a.users());
            CupedStatistic ca = (CupedStatistic) a.metrics().get(1).statistics().get(0);
            CupedStatistic cb = (CupedStatistic) b.metrics().get(1).statistics().get(0);
            assertThat(cb.post().sum()).isCloseTo(ca.post().sum(), within(1e-9 * Math.abs(ca.post().sum())));
            assertThat(cb.sumOfProducts()).isCloseTo(ca.sumOfProducts(), within(1e-9 * ca.sumOfProducts()));
        }
        List<ExperimentResult> results = three.analyze(Settings.defaults());
        assertThat(results).hasSize(20);
        assertThat(results.get(0).bhAdjusted()).isTrue();
        assertThat(results.get(0).metrics().get(1).kind()).isEqualTo("cuped");
    }

    @Test
    void numbersParseToTheSameDoubleAsJava() {
        for (String s : List.of("0", "1", "-1", "12.375", "0.1", "3.14159265358979", "-0.000123", "1e3", "2.5E-3",
                "123456789012345678", "1234567890123456789012", ".5", "5.", "+7")) {
            byte[] b = s.getBytes();
            assertThat(Numbers.parse(b, 0, b.length)).as(s).isEqualTo(Double.parseDouble(s));
        }
        for (String s : List.of("abc", "-", ".", "NaN", "Infinity", "1d", "0x10", "1e999")) {
            byte[] b = s.getBytes();
            assertThat(Double.isNaN(Numbers.parse(b, 0, b.length))).as(s).isTrue();
        }
    }
}
