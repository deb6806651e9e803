package dev.baton.measure.funnel;

import dev.baton.measure.identity.Unmatched;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The funnel as figures (docs/outcomes.md#the-funnel): for everything and per group, each stage's
 * count, its conversion rate to the next, the median days to the next, cost per stage; pipeline
 * and revenue sourced and influenced; the lead handoff with its evidence.
 *
 * @param asOf what "now" is for open opportunities and leads never worked: the newest date in the data
 */
public record FunnelReport(List<String> stages, Dimension by, Duration lookback, Instant asOf, Group total,
                           List<Group> groups, List<Unmatched> unmatched, List<String> notes) {

    /** One group's funnel. */
    public record Group(String key, List<StageFigures> stages, Money money, Double cost, HandoffFigures handoff) {
    }

    /**
     * @param conversionToNext entities that reached the next stage among those that reached this one;
     *                         null for the last stage or when none reached this one
     * @param medianDaysToNext over the entities whose CRM dates both stages; null when none does
     * @param daysMeasured     how many entities the median rests on
     * @param costPerEntity    the group's touch cost divided by this stage's count; null without cost
     */
    public record StageFigures(String stage, long count, Double conversionToNext, Double medianDaysToNext,
                               long daysMeasured, Double costPerEntity) {
    }

    public record Money(long opportunitiesSourced, double pipelineSourced, long wonSourced, double revenueSourced,
                        long opportunitiesInfluenced, double pipelineInfluenced, long wonInfluenced,
                        double revenueInfluenced) {
    }

    /**
     * @param medianDaysToAccept over the leads whose CRM dates both the hand-over and the acceptance
     * @param hoursOverSla       the hours the dated acceptances took beyond the SLA, summed: the time
     *                           the hand-over lost (never-worked leads are counted, not timed)
     */
    public record HandoffFigures(String from, String to, long handedOver, long accepted, Double medianDaysToAccept,
                                 long acceptanceDated, Duration sla, Examples overSla, Examples rejected,
                                 Examples neverWorked, long hoursOverSla) {
    }

    /** A count with the first records behind it, by id. */
    public record Examples(long count, List<String> examples) {
        static Examples of(Evidence e) {
            return new Examples(e.count(), e.examples());
        }
    }

    static Group group(String key, FunnelSummary s, List<String> stageIds, int from, int to, Duration sla) {
        List<StageFigures> figures = new ArrayList<>();
        for (int i = 0; i < stageIds.size(); i++) {
            boolean last = i == stageIds.size() - 1;
            Double rate = last || s.reached[i] == 0 ? null : (double) s.advanced[i] / s.reached[i];
            Double days = last ? null : s.days[i].medianDays();
            Double costPer = s.costedTouches == 0 || s.reached[i] == 0 ? null : s.cost / s.reached[i];
            figures.add(new StageFigures(stageIds.get(i), s.reached[i], rate, days, last ? 0 : s.days[i].count(),
                    costPer));
        }
        Money money = new Money(s.opportunitiesSourced, s.pipelineSourced, s.wonSourced, s.revenueSourced,
                s.opportunitiesInfluenced, s.pipelineInfluenced, s.wonInfluenced, s.revenueInfluenced);
        FunnelSummary.Handoff h = s.handoff;
        HandoffFigures handoff = new HandoffFigures(stageIds.get(from), stageIds.get(to), h.handedOver, h.accepted,
                h.timeToAccept.medianDays(), h.timeToAccept.count(), sla, Examples.of(h.overSla),
                Examples.of(h.rejected), Examples.of(h.neverWorked), h.timeToAccept.hoursBeyond(sla.toHours()));
        return new Group(key, List.copyOf(figures), money, s.costedTouches == 0 ? null : s.cost, handoff);
    }
}
