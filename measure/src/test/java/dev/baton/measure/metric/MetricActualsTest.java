package dev.baton.measure.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.baton.measure.crm.CrmReader;
import dev.baton.measure.funnel.FunnelEntities;
import dev.baton.measure.identity.IdentityMatcher;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.metric.MetricReport.Period;
import dev.baton.measure.metric.MetricReport.Verdict;
import dev.baton.measure.outcome.OutcomeData;
import dev.baton.model.Metric;
import dev.baton.model.MetricMeasure;
import dev.baton.model.MetricMeasure.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The metrics of the example exports (examples/outcomes/salesforce and touchpoints.csv), worked out
 * by hand (FunnelTest has the table of leads). CRM dates run from 5 January (Ana created) to
 * 20 March (Kestrel lost), so the months are 2026-01 to 2026-03.
 * <ul>
 * <li>Northwind, 24,000, created 20 Jan, primary campaign Q1 Analytics Webinar, won 2 Mar;</li>
 * <li>Orbit Health, 18,000, created 15 Feb, sourced by its first touch (Jan Newsletter), open;</li>
 * <li>Kestrel, 12,000, created 20 Feb, sourced by its first touch (the webinar, 7 Jan), lost 20 Mar.</li>
 * </ul>
 */
class MetricActualsTest {

    static final Path EXAMPLES = Path.of("..", "examples", "outcomes");

    private static MetricReport report(Metric... metrics) throws Exception {
        OutcomeData data = CrmReader.read(CrmReader.sources(List.of(EXAMPLES.resolve("salesforce"),
                EXAMPLES.resolve("touchpoints.csv"))), OutcomeMapping.DEFAULT).data();
        FunnelEntities funnel = FunnelEntities.of(data, IdentityMatcher.match(data, OutcomeMapping.IdentityRules.NONE),
                OutcomeMapping.DEFAULT, JourneyOptions.DEFAULT);
        return MetricActuals.compute(List.of(metrics), funnel);
    }

    private static Metric metric(String id, String unit, Double target, MetricMeasure measure, Metric.Period per) {
        return new Metric(id, id, unit, null, target, measure, per);
    }

    private static List<Period> periods(MetricReport r, int i) {
        return r.measured().get(i).periods();
    }

    @Test
    void sourcedAndInfluencedPipelinePerMonthAgainstTheTarget() throws Exception {
        MetricReport r = report(
                metric("sourced", "USD", 25_000.0, new MetricMeasure(Kind.SOURCED_PIPELINE, null, null), Metric.Period.MONTH),
                metric("influenced", "USD", null, new MetricMeasure(Kind.INFLUENCED_PIPELINE, null, null), Metric.Period.MONTH));

        List<Period> sourced = periods(r, 0);
        assertThat(sourced).extracting(Period::period).containsExactly("2026-01", "2026-02", "2026-03");
        assertThat(sourced).extracting(Period::actual).containsExactly(24_000.0, 30_000.0, 0.0);
        assertThat(sourced).extracting(Period::evidence).containsExactly(1L, 2L, 0L);
        assertThat(sourced).extracting(Period::status).containsExactly(Verdict.MISSED, Verdict.MET, Verdict.MISSED);
        assertThat(sourced.get(0).missedBy()).isCloseTo(4.0, within(1e-9));
        assertThat(sourced.get(2).missedBy()).isCloseTo(100.0, within(1e-9));
        assertThat(sourced.get(0).verdict()).isEqualTo("missed by 4%: 24,000 against 25,000 (1 opportunities sourced)");
        assertThat(sourced.get(1).examples()).containsExactly("0065g00000XyZa2", "0065g00000XyZa3");

        List<Period> influenced = periods(r, 1);
        assertThat(influenced).extracting(Period::actual).containsExactly(24_000.0, 30_000.0, 0.0);
        assertThat(influenced).extracting(Period::status).containsOnly(Verdict.NO_TARGET);
    }

    @Test
    void winRateAndWonRevenuePerQuarterCountClosedOpportunities() throws Exception {
        MetricReport r = report(
                metric("win-rate", "percent", 27.0, new MetricMeasure(Kind.WIN_RATE, null, null), Metric.Period.QUARTER),
                metric("won", "USD", 30_000.0, new MetricMeasure(Kind.WON_REVENUE, null, null), Metric.Period.QUARTER));

        Period winRate = periods(r, 0).get(0);
        assertThat(periods(r, 0)).hasSize(1);
        assertThat(winRate.period()).isEqualTo("2026-Q1");
        assertThat(winRate.actual()).as("Northwind won, Kestrel lost; Orbit is open").isCloseTo(50.0, within(1e-12));
        assertThat(winRate.evidence()).isEqualTo(2);
        assertThat(winRate.status()).isEqualTo(Verdict.MET);

        Period won = periods(r, 1).get(0);
        assertThat(won.actual()).isEqualTo(24_000.0);
        assertThat(won.evidence()).isEqualTo(1);
        assertThat(won.missedBy()).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void conversionMedianDaysAndCountsAreDatedByTheirStage() throws Exception {
        MetricReport r = report(
                metric("mql-to-sql", "percent", 35.0, new MetricMeasure(Kind.CONVERSION, "mql", "sql"), Metric.Period.MONTH),
                metric("days-to-mql", "days", 3.0, new MetricMeasure(Kind.MEDIAN_DAYS, "lead", "mql"), Metric.Period.MONTH),
                metric("sqls", "leads", 4.0, new MetricMeasure(Kind.COUNT, null, "sql"), Metric.Period.QUARTER));

        List<Period> conversion = periods(r, 0);
        // January: Ana and Ben became MQLs and both SQLs; February: Cho (rejected), Dee (never worked), Eli (SQL).
        assertThat(conversion.get(0).actual()).isCloseTo(100.0, within(1e-12));
        assertThat(conversion.get(1).actual()).isCloseTo(100 / 3.0, within(1e-12));
        assertThat(conversion.get(1).missedBy()).isCloseTo((35 - 100 / 3.0) / 35 * 100, within(1e-9));
        assertThat(conversion.get(2).actual()).isNull();
        assertThat(conversion.get(2).status()).isEqualTo(Verdict.NO_DATA);
        assertThat(conversion).extracting(Period::evidence).containsExactly(2L, 3L, 0L);

        List<Period> days = periods(r, 1);
        // Lead → MQL: Ana 5 and Ben 7 days (January, median 6); Cho 2, Dee 1, Eli 2 (February, median 2).
        assertThat(days).extracting(Period::actual).containsExactly(6.0, 2.0, null);
        assertThat(days).extracting(Period::status).containsExactly(Verdict.MISSED, Verdict.MET, Verdict.NO_DATA);
        assertThat(days.get(0).missedBy()).as("lower is better: 6 days against at most 3").isCloseTo(100.0, within(1e-9));

        Period sqls = periods(r, 2).get(0);
        assertThat(sqls.actual()).as("Ana, Ben and Eli").isEqualTo(3.0);
        assertThat(sqls.missedBy()).isCloseTo(25.0, within(1e-9));
    }

    @Test
    void metricsWithoutAMeasureOrWithAnUnknownStageAreListedWithTheReason() throws Exception {
        MetricReport r = report(new Metric("adoption", "Adoption", "percent", "words only", 30.0),
                metric("demos", "count", 5.0, new MetricMeasure(Kind.COUNT, null, "demo"), Metric.Period.MONTH));

        assertThat(r.measured()).isEmpty();
        assertThat(r.notMeasured()).extracting(n -> n.metric().id()).containsExactly("adoption", "demos");
        assertThat(r.notMeasured().get(0).reason()).startsWith("not measurable yet: add measure:");
        assertThat(r.notMeasured().get(1).reason())
                .isEqualTo("not measurable: 'demo' is not a funnel stage (lead, mql, sql, opportunity, won)");
    }
}
