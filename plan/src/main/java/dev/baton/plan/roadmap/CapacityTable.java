package dev.baton.plan.roadmap;

import java.util.List;

/**
 * Person-days each function has for initiatives in each quarter, already net of holidays and of
 * the run-the-business share. {@code source} says where the figures came from, for the report.
 */
public record CapacityTable(List<String> functions, List<Quarter> quarters, int[][] days, String source) {

    public int of(int function, int quarter) {
        return days[function][quarter];
    }

    public int function(String id) {
        return functions.indexOf(id);
    }

    /** A copy with {@code delta} person-days added to one function in every quarter (never below 0). */
    public CapacityTable plus(int function, int[] delta) {
        int[][] copy = new int[days.length][];
        for (int f = 0; f < days.length; f++) {
            copy[f] = days[f].clone();
        }
        for (int q = 0; q < quarters.size(); q++) {
            copy[function][q] = Math.max(0, copy[function][q] + delta[q]);
        }
        return new CapacityTable(functions, quarters, copy, source);
    }
}
