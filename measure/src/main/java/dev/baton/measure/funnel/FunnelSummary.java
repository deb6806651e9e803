package dev.baton.measure.funnel;

/**
 * The funnel of one group (a campaign, a channel, a segment, a quarter, or everything), as sums
 * that merge associatively: each entity (a lead, an opportunity, a touch) makes a small summary,
 * and summaries of any split of the data merge into the summary of the whole (ARCHITECTURE.md:
 * so the same code can run as a Spark aggregation).
 */
public final class FunnelSummary {

    /** Entities that reached each stage. */
    final long[] reached;
    /** Entities that reached stage i and stage i + 1. */
    final long[] advanced;
    /** Time from stage i to stage i + 1, where both are dated. */
    final Histogram[] days;
    long opportunitiesSourced;
    long wonSourced;
    double pipelineSourced;
    double revenueSourced;
    long opportunitiesInfluenced;
    long wonInfluenced;
    double pipelineInfluenced;
    double revenueInfluenced;
    double cost;
    long costedTouches;
    final Handoff handoff = new Handoff();

    /** The lead handoff from marketing to sales (MQL → SQL). */
    public static final class Handoff {
        long handedOver;
        long accepted;
        final Histogram timeToAccept = new Histogram();
        final Evidence overSla = new Evidence();
        final Evidence rejected = new Evidence();
        final Evidence neverWorked = new Evidence();

        void merge(Handoff o) {
            handedOver += o.handedOver;
            accepted += o.accepted;
            timeToAccept.merge(o.timeToAccept);
            overSla.merge(o.overSla);
            rejected.merge(o.rejected);
            neverWorked.merge(o.neverWorked);
        }
    }

    public FunnelSummary(int stages) {
        reached = new long[stages];
        advanced = new long[stages];
        days = new Histogram[stages];
        for (int i = 0; i < stages; i++) {
            days[i] = new Histogram();
        }
    }

    /** One opportunity's money as sourced by this group: the same as merging that opportunity's own summary. */
    void addSourced(double amount, boolean won) {
        opportunitiesSourced++;
        pipelineSourced += amount;
        if (won) {
            wonSourced++;
            revenueSourced += amount;
        }
    }

    /** One opportunity's money as influenced by this group: the same as merging that opportunity's own summary. */
    void addInfluenced(double amount, boolean won) {
        opportunitiesInfluenced++;
        pipelineInfluenced += amount;
        if (won) {
            wonInfluenced++;
            revenueInfluenced += amount;
        }
    }

    public FunnelSummary merge(FunnelSummary o) {
        for (int i = 0; i < reached.length; i++) {
            reached[i] += o.reached[i];
            advanced[i] += o.advanced[i];
            days[i].merge(o.days[i]);
        }
        opportunitiesSourced += o.opportunitiesSourced;
        wonSourced += o.wonSourced;
        pipelineSourced += o.pipelineSourced;
        revenueSourced += o.revenueSourced;
        opportunitiesInfluenced += o.opportunitiesInfluenced;
        wonInfluenced += o.wonInfluenced;
        pipelineInfluenced += o.pipelineInfluenced;
        revenueInfluenced += o.revenueInfluenced;
        cost += o.cost;
        costedTouches += o.costedTouches;
        handoff.merge(o.handoff);
        return this;
    }
}
