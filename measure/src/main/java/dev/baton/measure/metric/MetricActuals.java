package dev.baton.measure.metric;

import dev.baton.measure.funnel.Evidence;
import dev.baton.measure.funnel.FunnelEntities;
import dev.baton.measure.funnel.Histogram;
import dev.baton.measure.outcome.Opportunity;
import dev.baton.model.Metric;
import dev.baton.model.MetricMeasure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The model's metrics measured per period against their targets: a pure function of the metrics
 * and the funnel's entities (docs/outcomes.md#metric-targets-against-actuals). Periods are
 * calendar months or quarters (UTC), from the first to the last in which the CRM dates a record,
 * so a month with nothing in it shows as zero rather than disappearing.
 */
public final class MetricActuals {

    private final FunnelEntities funnel;
    private final Instant first;
    private final Instant last;

    private MetricActuals(FunnelEntities funnel) {
        this.funnel = funnel;
        Instant lo = null;
        Instant hi = null;
        for (FunnelEntities.Entity e : funnel.entities()) {
            for (long t : e.at()) {
                if (t != FunnelEntities.UNDATED) {
                    Instant i = Instant.ofEpochMilli(t);
                    lo = lo == null || i.isBefore(lo) ? i : lo;
                    hi = hi == null || i.isAfter(hi) ? i : hi;
                }
            }
        }
        for (FunnelEntities.Deal d : funnel.deals()) {
            for (Instant i : new Instant[] {d.opportunity().created(), d.opportunity().closed()}) {
                if (i != null) {
                    lo = lo == null || i.isBefore(lo) ? i : lo;
                    hi = hi == null || i.isAfter(hi) ? i : hi;
                }
            }
        }
        this.first = lo;
        this.last = hi;
    }

    public static MetricReport compute(List<Metric> metrics, FunnelEntities funnel) {
        return new MetricActuals(funnel).run(metrics);
    }

    private MetricReport run(List<Metric> metrics) {
        List<MetricReport.Measured> measured = new ArrayList<>();
        List<MetricReport.NotMeasured> not = new ArrayList<>();
        for (Metric m : metrics) {
            String reason = reasonNotMeasurable(m);
            if (reason != null) {
                not.add(new MetricReport.NotMeasured(m, reason));
            } else {
                measured.add(measure(m));
            }
        }
        return new MetricReport(List.copyOf(measured), List.copyOf(not));
    }

    private String reasonNotMeasurable(Metric m) {
        MetricMeasure mm = m.measure();
        if (mm == null) {
            return "not measurable yet: add measure: (sourced-pipeline, influenced-pipeline, won-revenue, win-rate, "
                    + "conversion, median-days or count) to the metric in the model";
        }
        for (String stage : new String[] {mm.from(), mm.to()}) {
            if (stage != null && funnel.stages().indexOf(stage) < 0) {
                return "not measurable: '" + stage + "' is not a funnel stage (" + String.join(", ", funnel.stages().ids())
                        + ")";
            }
        }
        if (first == null) {
            return "not measurable yet: no CRM record is dated";
        }
        return null;
    }

    /** One period's sums while the records are walked. */
    private static final class Tally {
        double sum;
        long numerator;
        final Evidence evidence = new Evidence();
        final Histogram days = new Histogram();
    }

    private MetricReport.Measured measure(Metric m) {
        Function<Instant, String> periodOf = m.per() == Metric.Period.MONTH ? MetricActuals::month : MetricActuals::quarter;
        TreeMap<String, Tally> periods = new TreeMap<>();
        for (Instant at = first; !periodOf.apply(at).equals(periodOf.apply(last)); at = next(at, m.per())) {
            periods.put(periodOf.apply(at), new Tally());
        }
        periods.put(periodOf.apply(last), new Tally());
        MetricMeasure mm = m.measure();
        long undated = 0;
        switch (mm.kind()) {
            case SOURCED_PIPELINE, INFLUENCED_PIPELINE -> {
                for (FunnelEntities.Deal d : funnel.deals()) {
                    boolean counts = mm.kind() == MetricMeasure.Kind.SOURCED_PIPELINE ? d.sourcedBy() != null : d.influenced();
                    if (counts) {
                        Tally t = periods.get(periodOf.apply(d.opportunity().created()));
                        t.sum += d.opportunity().amount();
                        t.evidence.add(d.opportunity().id().value());
                    }
                }
            }
            case WON_REVENUE, WIN_RATE -> {
                for (FunnelEntities.Deal d : funnel.deals()) {
                    Opportunity o = d.opportunity();
                    if (o.closed() == null || (mm.kind() == MetricMeasure.Kind.WON_REVENUE && !o.won())) {
                        continue;
                    }
                    Tally t = periods.get(periodOf.apply(o.closed()));
                    t.evidence.add(o.id().value());
                    if (o.won()) {
                        t.sum += o.amount();
                        t.numerator++;
                    }
                }
            }
            case CONVERSION, MEDIAN_DAYS, COUNT -> {
                int from = mm.from() == null ? -1 : funnel.stages().indexOf(mm.from());
                int to = funnel.stages().indexOf(mm.to());
                int dated = mm.kind() == MetricMeasure.Kind.CONVERSION ? from : to;
                for (FunnelEntities.Entity e : funnel.entities()) {
                    if (!e.reached()[dated]) {
                        continue;
                    }
                    if (e.at()[dated] == FunnelEntities.UNDATED) {
                        undated++;
                        continue;
                    }
                    Tally t = periods.get(periodOf.apply(Instant.ofEpochMilli(e.at()[dated])));
                    switch (mm.kind()) {
                        case CONVERSION -> {
                            t.evidence.add(e.id());
                            if (e.reached()[to]) {
                                t.numerator++;
                            }
                        }
                        case MEDIAN_DAYS -> {
                            if (e.at()[from] != FunnelEntities.UNDATED && e.at()[to] >= e.at()[from]) {
                                t.days.add(e.at()[to] - e.at()[from]);
                                t.evidence.add(e.id());
                            }
                        }
                        default -> t.evidence.add(e.id());
                    }
                }
            }
            default -> throw new IllegalStateException("a measure without a computation: " + mm.kind());
        }
        List<MetricReport.Period> result = new ArrayList<>();
        periods.forEach((period, t) -> result.add(period(m, period, t)));
        return new MetricReport.Measured(m, List.copyOf(result), undated);
    }

    private static MetricReport.Period period(Metric m, String period, Tally t) {
        MetricMeasure mm = m.measure();
        long n = t.evidence.count();
        Double actual = switch (mm.kind()) {
            case SOURCED_PIPELINE, INFLUENCED_PIPELINE, WON_REVENUE -> t.sum;
            case WIN_RATE, CONVERSION -> n == 0 ? null : (double) t.numerator / n * (m.inPercent() ? 100 : 1);
            case MEDIAN_DAYS -> t.days.medianDays();
            case COUNT -> (double) n;
        };
        String of = switch (mm.kind()) {
            case SOURCED_PIPELINE -> "opportunities sourced";
            case INFLUENCED_PIPELINE -> "opportunities influenced";
            case WON_REVENUE -> "opportunities won";
            case WIN_RATE -> "opportunities closed";
            case CONVERSION -> "reached " + mm.from();
            case MEDIAN_DAYS -> "reached " + mm.to() + " with both dates";
            case COUNT -> "reached " + mm.to();
        };
        MetricReport.Verdict status;
        Double missedBy = null;
        if (actual == null) {
            status = MetricReport.Verdict.NO_DATA;
        } else if (m.target() == null) {
            status = MetricReport.Verdict.NO_TARGET;
        } else {
            boolean met = mm.lowerIsBetter() ? actual <= m.target() : actual >= m.target();
            status = met ? MetricReport.Verdict.MET : MetricReport.Verdict.MISSED;
            if (!met && m.target() != 0) {
                missedBy = Math.abs(actual - m.target()) / Math.abs(m.target()) * 100;
            }
        }
        String evidence = n + " " + of;
        String sentence = switch (status) {
            case NO_DATA -> "no data in " + period + ": 0 " + of;
            case NO_TARGET -> number(actual) + " (" + evidence + "); the metric has no target";
            case MET -> "met: " + number(actual) + " against " + number(m.target()) + " (" + evidence + ")";
            case MISSED -> "missed by " + (missedBy == null ? "" : Math.round(missedBy) + "%: ") + number(actual)
                    + " against " + number(m.target()) + (mm.lowerIsBetter() ? " at most" : "") + " (" + evidence + ")";
        };
        return new MetricReport.Period(period, actual, status, missedBy, n, t.evidence.examples(), of, sentence);
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
                : String.format(Locale.ROOT, "%,.1f", v);
    }

    static String month(Instant at) {
        LocalDate d = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return String.format(Locale.ROOT, "%d-%02d", d.getYear(), d.getMonthValue());
    }

    static String quarter(Instant at) {
        LocalDate d = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }

    /** The first instant of the period after the one {@code at} is in. */
    private static Instant next(Instant at, Metric.Period per) {
        LocalDate d = LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1);
        d = per == Metric.Period.MONTH ? d.plusMonths(1) : d.withMonth((d.getMonthValue() - 1) / 3 * 3 + 1).plusMonths(3);
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
