package dev.baton.measure.experiment.input;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What each column of a unit-level CSV holds, from its header: {@code unit}, {@code variant}, an
 * optional experiment id column, then one column per metric with optional {@code pre_<metric>}
 * (the CUPED covariate) and {@code <metric>_denominator} (a ratio metric's denominator); a ratio
 * with CUPED has its pre-period ratio in {@code pre_<metric>} and {@code pre_<metric>_denominator}.
 */
final class UnitLayout {

    static final int SKIP = 0;
    static final int VARIANT = 1;
    static final int EXPERIMENT = 2;
    static final int METRIC = 3;
    static final int PRE = 4;
    static final int DENOMINATOR = 5;
    static final int PRE_DENOMINATOR = 6;

    /** Per column: its role. */
    final int[] role;
    /** Per column: the metric it belongs to (METRIC, PRE, DENOMINATOR), else −1. */
    final int[] metric;
    final List<String> metrics;
    final boolean[] hasPre;
    final boolean[] hasDenominator;
    /** Per metric: a pre_<metric>_denominator column, so that a ratio is adjusted by its pre-period ratio. */
    final boolean[] hasPreDenominator;
    final boolean hasExperiment;

    private UnitLayout(int[] role, int[] metric, List<String> metrics, boolean[] hasPre, boolean[] hasDenominator,
                       boolean[] hasPreDenominator, boolean hasExperiment) {
        this.role = role;
        this.metric = metric;
        this.metrics = metrics;
        this.hasPre = hasPre;
        this.hasDenominator = hasDenominator;
        this.hasPreDenominator = hasPreDenominator;
        this.hasExperiment = hasExperiment;
    }

    int columns() {
        return role.length;
    }

    /**
     * @param experimentColumn the experiment id column; null: {@code experiment} when the header has it
     * @param only             the metrics to analyse; empty: all
     */
    static UnitLayout of(List<String> header, String experimentColumn, List<String> only, String file)
            throws InputRefused {
        List<InputError> errors = new ArrayList<>();
        String experiment = experimentColumn != null ? experimentColumn
                : header.contains("experiment") ? "experiment" : null;
        if (experimentColumn != null && !header.contains(experimentColumn)) {
            errors.add(new InputError(1, 0, experimentColumn, "expected the experiment id column '"
                    + experimentColumn + "' in the header, found " + String.join(",", header)));
        }
        if (!header.contains("variant")) {
            errors.add(new InputError(1, 0, "variant", "expected a 'variant' column (which arm each unit is in), "
                    + "found " + String.join(",", header)));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String name : header) {
            if (!seen.add(name)) {
                errors.add(new InputError(1, 0, name, "expected each column once, found '" + name + "' twice"));
            }
        }
        List<String> metricNames = new ArrayList<>();
        for (String name : header) {
            if (!name.equals("unit") && !name.equals("variant") && !name.equals(experiment)
                    && !name.startsWith("pre_") && !name.endsWith("_denominator") && !metricNames.contains(name)) {
                metricNames.add(name);
            }
        }
        for (String name : header) {
            String base = preDenominatorOf(name) != null ? preDenominatorOf(name)
                    : name.startsWith("pre_") ? name.substring(4)
                    : name.endsWith("_denominator") ? name.substring(0, name.length() - "_denominator".length()) : null;
            if (preDenominatorOf(name) != null && metricNames.contains(base)
                    && !header.contains(base + "_denominator")) {
                errors.add(new InputError(1, 0, name, "expected a denominator column '" + base + "_denominator' for "
                        + "this pre-period denominator (it adjusts a ratio metric), found none"));
            }
            if (preDenominatorOf(name) != null && metricNames.contains(base) && !header.contains("pre_" + base)) {
                errors.add(new InputError(1, 0, name, "expected a pre-period numerator column 'pre_" + base
                        + "' with this pre-period denominator, found none"));
            }
            if (base != null && !metricNames.contains(base)) {
                errors.add(new InputError(1, 0, name, "expected a metric column '" + base + "' for this "
                        + (name.startsWith("pre_") ? "covariate" : "denominator") + ", found none"));
            }
        }
        for (String name : only) {
            if (!metricNames.contains(name)) {
                errors.add(new InputError(0, 0, "--metric " + name, "expected one of the metric columns of " + file
                        + " (" + String.join(", ", metricNames) + "), found '" + name + "'"));
            }
        }
        List<String> chosen = only.isEmpty() ? metricNames : metricNames.stream().filter(only::contains).toList();
        if (chosen.isEmpty() && errors.isEmpty()) {
            errors.add(new InputError(1, 0, "", "expected at least one metric column after unit and variant, found "
                    + String.join(",", header)));
        }
        if (!errors.isEmpty()) {
            throw new InputRefused(errors);
        }
        int[] role = new int[header.size()];
        int[] metric = new int[header.size()];
        boolean[] hasPre = new boolean[chosen.size()];
        boolean[] hasDenominator = new boolean[chosen.size()];
        boolean[] hasPreDenominator = new boolean[chosen.size()];
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            metric[c] = -1;
            if (name.equals("variant")) {
                role[c] = VARIANT;
            } else if (name.equals(experiment)) {
                role[c] = EXPERIMENT;
            } else if (preDenominatorOf(name) != null && chosen.contains(preDenominatorOf(name))) {
                role[c] = PRE_DENOMINATOR;
                metric[c] = chosen.indexOf(preDenominatorOf(name));
                hasPreDenominator[metric[c]] = true;
            } else if (name.startsWith("pre_") && chosen.contains(name.substring(4))) {
                role[c] = PRE;
                metric[c] = chosen.indexOf(name.substring(4));
                hasPre[metric[c]] = true;
            } else if (name.endsWith("_denominator")
                    && chosen.contains(name.substring(0, name.length() - "_denominator".length()))) {
                role[c] = DENOMINATOR;
                metric[c] = chosen.indexOf(name.substring(0, name.length() - "_denominator".length()));
                hasDenominator[metric[c]] = true;
            } else if (chosen.contains(name)) {
                role[c] = METRIC;
                metric[c] = chosen.indexOf(name);
            } else {
                role[c] = SKIP;
            }
        }
        return new UnitLayout(role, metric, List.copyOf(chosen), hasPre, hasDenominator, hasPreDenominator,
                experiment != null);
    }

    /** "pre_revenue_denominator" → "revenue"; null for any other name. */
    private static String preDenominatorOf(String name) {
        if (name.startsWith("pre_") && name.endsWith("_denominator") && name.length() > 4 + "_denominator".length()) {
            return name.substring(4, name.length() - "_denominator".length());
        }
        return null;
    }
}
