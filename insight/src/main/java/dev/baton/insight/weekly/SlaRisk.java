package dev.baton.insight.weekly;

import java.time.Duration;
import java.time.Instant;

/**
 * When an SLA is "about to breach": the one rule of the weekly report's {@code at-risk} lines and
 * of the notifications that warn the person who must act (docs/weekly-report.md, "SLAs"). A clock
 * still running at an instant is at risk when at least {@link #SHARE_USED} of it is gone and it
 * runs out within {@link #HORIZON}. A week-long SLA started on Friday is not news yet; one with
 * hours left on Monday morning is.
 */
public final class SlaRisk {

    public static final double SHARE_USED = 0.5;
    public static final Duration HORIZON = Duration.ofDays(7);

    private SlaRisk() {
    }

    /** Whether a clock started at {@code started} with this SLA is at risk at {@code at} (not yet over). */
    public static boolean atRisk(Instant started, Duration sla, Instant at) {
        Instant due = started.plus(sla);
        return !due.isBefore(at) && due.isBefore(at.plus(HORIZON))
                && Duration.between(started, at).toMillis() >= SHARE_USED * sla.toMillis();
    }
}
