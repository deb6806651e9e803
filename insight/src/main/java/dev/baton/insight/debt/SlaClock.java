package dev.baton.insight.debt;

import dev.baton.engine.item.WorkItemEvent.HandoffSent;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import java.util.Locale;

/**
 * When an SLA clock stops, and how a duration is said, for every reader that judges SLAs: the
 * debt report's {@code sla} component and the weekly status report give one verdict per visit.
 * A stage visit's clock runs from entering the stage until its work is done: the first handoff
 * sent, stage change or completion after entering (waiting for a receiver to accept a handoff is
 * the handoff's time, whose own clock runs from the last send to the acceptance). SLAs are
 * calendar time (docs/debt.md).
 */
public final class SlaClock {

    private static final double HOUR = 3_600_000.0;

    private SlaClock() {
    }

    /** Whether this event ends the work of the stage visit it happens in. */
    public static boolean stopsStageClock(Object event) {
        return event instanceof HandoffSent || event instanceof StageEntered || event instanceof ItemCompleted;
    }

    /** A duration as reports say it: "5.5 h" below two days, "3.2 days" from two days on. */
    public static String duration(long millis) {
        double h = millis / HOUR;
        if (h >= 48) {
            return String.format(Locale.ROOT, "%.1f days", h / 24);
        }
        return String.format(Locale.ROOT, "%.1f h", h);
    }
}
