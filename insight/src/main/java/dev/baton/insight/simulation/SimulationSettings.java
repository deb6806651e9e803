package dev.baton.insight.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulation run: how many items arrive, over how many weeks from which Monday (or any day),
 * with which seed and debt. The same settings and model give the same log, event for event.
 */
public record SimulationSettings(int items, long seed, LocalDate start, int weeks, DebtRates rates) {

    public static final LocalDate DEFAULT_START = LocalDate.of(2026, 1, 5);
    public static final int DEFAULT_WEEKS = 13;

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (items < 1) {
            problems.add("items: expected at least 1, found " + items);
        }
        if (weeks < 1 || weeks > 520) {
            problems.add("weeks: expected 1 to 520, found " + weeks);
        }
        if (start == null) {
            problems.add("start: expected a date such as 2026-01-05");
        }
        problems.addAll(rates.problems());
        return problems;
    }
}
