package dev.baton.app.cli;

import dev.baton.measure.metric.MetricReport;
import java.io.PrintWriter;

/** The model's metrics against their targets for a terminal: one line per period, then what cannot be measured yet. */
final class MetricText {

    private MetricText() {
    }

    static void write(MetricReport r, PrintWriter out) {
        out.println();
        out.println("Metric targets against actuals:");
        for (MetricReport.Measured m : r.measured()) {
            out.println();
            out.printf("%s (%s, %s per %s%s)%n", m.metric().name(), m.metric().id(), m.metric().measure().describe(),
                    m.metric().per().id(), m.metric().unit() == null ? "" : ", in " + m.metric().unit());
            for (MetricReport.Period p : m.periods()) {
                out.printf("  %-8s %s%n", p.period(), p.verdict());
            }
            if (m.undated() > 0) {
                out.printf("  (%d records reached the stage without a date: in no period)%n", m.undated());
            }
        }
        for (MetricReport.NotMeasured n : r.notMeasured()) {
            out.printf("%n%s (%s): %s%n", n.metric().name(), n.metric().id(), n.reason());
        }
        out.flush();
    }
}
