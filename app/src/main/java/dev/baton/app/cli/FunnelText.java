package dev.baton.app.cli;

import dev.baton.measure.funnel.FunnelReport;
import dev.baton.measure.funnel.FunnelReport.Examples;
import dev.baton.measure.identity.Unmatched;
import java.io.PrintWriter;
import java.util.Locale;

/** The funnel for a terminal: one table per group, then the handoff, then what could not be matched. */
final class FunnelText {

    private FunnelText() {
    }

    static void write(FunnelReport r, OutcomeInputs.Read read, PrintWriter out) {
        var data = read.crm().data();
        out.printf("Funnel of %d leads and %d opportunities, %d touchpoints, as of %s (journeys per %s, lookback %s days)%n",
                data.leads().size(), data.opportunities().size(), data.touchpoints().size(),
                r.asOf().toString().substring(0, 10), read.options().by().name().toLowerCase(Locale.ROOT),
                number(r.lookback().toHours() / 24.0));
        read.crm().notes().forEach(n -> out.println("  note: " + n));
        r.notes().forEach(n -> out.println("  note: " + n));
        group(r.total(), out);
        if (!r.groups().isEmpty()) {
            out.println();
            out.println("By " + r.by().name().toLowerCase(Locale.ROOT).replace('_', '-') + ":");
            r.groups().forEach(g -> group(g, out));
        }
        if (!r.unmatched().isEmpty()) {
            out.println();
            out.println("Not matched (left out where noted, never dropped silently):");
            for (Unmatched u : r.unmatched()) {
                out.printf("  %d %s (%s): %s%n", u.count(), u.what(), String.join(", ", u.examples()), u.effect());
            }
        }
        out.flush();
    }

    private static void group(FunnelReport.Group g, PrintWriter out) {
        out.println();
        out.println(g.key());
        out.printf("  %-14s %8s %9s %12s %11s%n", "stage", "count", "to next", "median days", "cost each");
        for (FunnelReport.StageFigures s : g.stages()) {
            out.printf("  %-14s %8d %9s %12s %11s%n", s.stage(), s.count(),
                    s.conversionToNext() == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * s.conversionToNext()),
                    s.medianDaysToNext() == null ? "-" : number(s.medianDaysToNext()) + " (" + s.daysMeasured() + ")",
                    s.costPerEntity() == null ? "-" : String.format(Locale.ROOT, "%.2f", s.costPerEntity()));
        }
        FunnelReport.Money m = g.money();
        out.printf("  sourced: %s pipeline in %d opportunities, %s revenue in %d won%n", money(m.pipelineSourced()),
                m.opportunitiesSourced(), money(m.revenueSourced()), m.wonSourced());
        out.printf("  influenced: %s pipeline in %d opportunities, %s revenue in %d won%n", money(m.pipelineInfluenced()),
                m.opportunitiesInfluenced(), money(m.revenueInfluenced()), m.wonInfluenced());
        if (g.cost() != null) {
            out.printf("  cost: %s%n", money(g.cost()));
        }
        FunnelReport.HandoffFigures h = g.handoff();
        if (h.handedOver() > 0) {
            out.printf("  handoff %s -> %s: %d handed over, %d accepted%s; %d over the %sh SLA%s; %d rejected back%s; "
                            + "%d never worked%s%n", h.from(), h.to(), h.handedOver(), h.accepted(),
                    h.medianDaysToAccept() == null ? "" : " (median " + number(h.medianDaysToAccept()) + " days)",
                    h.overSla().count(), h.sla().toHours(), examples(h.overSla()), h.rejected().count(),
                    examples(h.rejected()), h.neverWorked().count(), examples(h.neverWorked()));
        }
    }

    private static String examples(Examples e) {
        if (e.count() == 0) {
            return "";
        }
        return " (" + String.join(", ", e.examples()) + (e.count() > e.examples().size() ? ", …" : "") + ")";
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
