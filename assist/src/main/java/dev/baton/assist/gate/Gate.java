package dev.baton.assist.gate;

import dev.baton.assist.Assistant;
import java.util.List;

/**
 * Whether an assistant may be offered on a work type (or at intake), and why.
 *
 * @param workType   the work type judged; null for an intake assistant
 * @param ready      whether every readiness condition passes
 * @param conditions every condition, passing and failing, each explaining itself
 * @param override   the recorded reason an admin gave to enable the assistant although it is not
 *                   ready; null when none was given (an override of a ready gate is not needed and not kept)
 */
public record Gate(Assistant assistant, String workType, boolean ready, List<GateCondition> conditions, String override) {

    public Gate {
        conditions = List.copyOf(conditions);
        override = ready || override == null || override.isBlank() ? null : override.strip();
    }

    /** Whether the assistant may run: ready, or enabled with a recorded reason. */
    public boolean allowed() {
        return ready || override != null;
    }

    public boolean overridden() {
        return override != null;
    }

    public List<GateCondition> failing() {
        return conditions.stream().filter(c -> !c.pass()).toList();
    }

    /** What is failing, one line per condition, for a refusal message. */
    public String explain() {
        StringBuilder text = new StringBuilder();
        for (GateCondition c : failing()) {
            text.append("  ").append(c.id()).append(" (").append(c.title()).append("): ").append(c.reason())
                    .append("; fix: ").append(c.fix()).append('\n');
        }
        return text.toString();
    }
}
