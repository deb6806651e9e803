package dev.baton.insight.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * How much orchestration debt a simulated log carries: each rate is the probability that an
 * item (or, for bounce-backs and SLA overruns, a handoff or a stage visit) shows that debt.
 *
 * @param skip             an item skips one mandatory inner stage of its flow
 * @param rework           an item goes back once (a declared rework edge, else the previous stage)
 * @param urgent           an item is marked urgent and bypasses intake
 * @param bounce           a handoff is rejected once by the receiving function (its first send
 *                         misses a required field)
 * @param slaOverrun       a visit of a stage with an SLA takes longer than the SLA
 * @param slaOverrunFactor the median of how many SLAs an overrunning visit takes (lognormal, &gt; 1)
 * @param slaOverrunSigma  the spread (log-space standard deviation) of overrunning visits
 * @param unowned          an item never gets an accountable owner
 * @param noGoal           an item is linked to neither a parent item nor a success metric (only
 *                         work types whose items carry the link themselves can lose it)
 */
public record DebtRates(double skip, double rework, double urgent, double bounce, double slaOverrun,
                        double slaOverrunFactor, double slaOverrunSigma, double unowned, double noGoal) {

    /** A team with moderate debt: what a simulated log carries unless told otherwise. */
    public static final DebtRates DEFAULT = new DebtRates(0.05, 0.15, 0.10, 0.10, 0.15, 1.8, 0.3, 0.05, 0.10);

    /** No injected debt at all: every item follows its declared flow, on time, owned and linked. */
    public static final DebtRates NONE = new DebtRates(0, 0, 0, 0, 0, 1.8, 0.3, 0, 0);

    /** What is wrong with these rates, one sentence each; empty when they are usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        rate("skip-rate", skip, problems);
        rate("rework-rate", rework, problems);
        rate("urgent-rate", urgent, problems);
        rate("bounce-rate", bounce, problems);
        rate("sla-overrun", slaOverrun, problems);
        rate("unowned-rate", unowned, problems);
        rate("no-goal-rate", noGoal, problems);
        if (!(slaOverrunFactor > 1 && slaOverrunFactor <= 100)) {
            problems.add("sla-overrun-factor: expected a number above 1 and at most 100 (how many SLAs a late "
                    + "visit takes), found " + slaOverrunFactor);
        }
        if (!(slaOverrunSigma >= 0 && slaOverrunSigma <= 3)) {
            problems.add("sla-overrun-sigma: expected a number from 0 to 3, found " + slaOverrunSigma);
        }
        return problems;
    }

    private static void rate(String name, double value, List<String> problems) {
        if (!(value >= 0 && value <= 1)) {
            problems.add(name + ": expected a rate from 0 to 1, found " + value);
        }
    }

    public DebtRates withSkip(double v) {
        return new DebtRates(v, rework, urgent, bounce, slaOverrun, slaOverrunFactor, slaOverrunSigma, unowned, noGoal);
    }

    public DebtRates withRework(double v) {
        return new DebtRates(skip, v, urgent, bounce, slaOverrun, slaOverrunFactor, slaOverrunSigma, unowned, noGoal);
    }

    public DebtRates withUrgent(double v) {
        return new DebtRates(skip, rework, v, bounce, slaOverrun, slaOverrunFactor, slaOverrunSigma, unowned, noGoal);
    }

    public DebtRates withBounce(double v) {
        return new DebtRates(skip, rework, urgent, v, slaOverrun, slaOverrunFactor, slaOverrunSigma, unowned, noGoal);
    }

    public DebtRates withSlaOverrun(double rate, double factor, double sigma) {
        return new DebtRates(skip, rework, urgent, bounce, rate, factor, sigma, unowned, noGoal);
    }

    public DebtRates withUnowned(double v) {
        return new DebtRates(skip, rework, urgent, bounce, slaOverrun, slaOverrunFactor, slaOverrunSigma, v, noGoal);
    }

    public DebtRates withNoGoal(double v) {
        return new DebtRates(skip, rework, urgent, bounce, slaOverrun, slaOverrunFactor, slaOverrunSigma, unowned, v);
    }
}
