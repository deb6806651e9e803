package dev.baton.insight.debt;

/**
 * The running sums behind one component's value over some set of observations: the debt part
 * ({@code bad}), what it is a share of ({@code total}) and the hours it cost. Adding two tallies
 * is associative and commutative, so tallies of parts of a log merge into the tally of the whole.
 */
public final class Tally {

    double bad;
    double total;
    double hours;

    void add(double bad, double total, double hours) {
        this.bad += bad;
        this.total += total;
        this.hours += hours;
    }

    void merge(Tally other) {
        add(other.bad, other.total, other.hours);
    }

    public double bad() {
        return bad;
    }

    public double total() {
        return total;
    }

    public double hours() {
        return hours;
    }

    /** bad / total, or 0 when nothing was observed. */
    public double value() {
        return total <= 0 ? 0 : Math.min(1, Math.max(0, bad / total));
    }
}
