package dev.baton.insight.debt;

/**
 * The running sums behind one component's value over some set of observations: the debt part
 * ({@code bad}), what it is a share of ({@code total}) and the hours it cost. Adding two tallies
 * is associative and commutative, so tallies of parts of a log merge into the tally of the whole.
 */
public final class Tally implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    double bad;
    double total;
    double hours;
    /** How many observations (items, visits, rounds, handoffs, person-days) the sums are over. */
    long observations;

    void add(double bad, double total, double hours) {
        this.bad += bad;
        this.total += total;
        this.hours += hours;
        if (total > 0) {
            observations++;
        }
    }

    void merge(Tally other) {
        bad += other.bad;
        total += other.total;
        hours += other.hours;
        observations += other.observations;
    }

    /** The same sums with the hours multiplied by {@code factor} (hours scaled to fit capacity). */
    Tally scaledHours(double factor) {
        Tally t = new Tally();
        t.bad = bad;
        t.total = total;
        t.hours = hours * factor;
        t.observations = observations;
        return t;
    }

    public long observations() {
        return observations;
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
