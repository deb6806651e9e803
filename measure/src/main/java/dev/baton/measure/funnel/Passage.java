package dev.baton.measure.funnel;

import dev.baton.measure.outcome.FunnelStages;
import dev.baton.measure.outcome.Lead;
import dev.baton.measure.outcome.Opportunity;
import dev.baton.measure.outcome.OpportunityStageChange;
import dev.baton.measure.outcome.StageRef;
import java.time.Instant;
import java.util.List;

/**
 * The stages one entity (a lead, or an opportunity no lead became) passed, and when where the
 * CRM dates them. A later stage implies the earlier ones from where the entity entered (a lead
 * the CRM shows as SQL without an MQL date was an MQL, undated); a status sales rejected implies
 * the hand-over stage.
 */
final class Passage {

    static final long UNDATED = Long.MIN_VALUE;

    final boolean[] reached;
    final long[] at;
    /** The furthest stage the CRM dates, -1 for none. */
    int furthestDated = -1;

    private Passage(int n) {
        reached = new boolean[n];
        at = new long[n];
        java.util.Arrays.fill(at, UNDATED);
    }

    static Passage of(Lead lead, Opportunity converted, List<OpportunityStageChange> history, FunnelStages stages) {
        Passage p = new Passage(stages.size());
        lead.reached().forEach((stage, when) -> p.date(stages.indexOf(stage), when));
        p.date(0, lead.created());
        StageRef status = lead.statusStage();
        int furthest = status == null ? 0 : status.index();
        if (converted != null) {
            p.opportunity(converted, history, stages);
        }
        for (int i = 0; i < p.reached.length; i++) {
            if (p.reached[i]) {
                furthest = Math.max(furthest, i);
            }
        }
        for (int i = 0; i <= furthest; i++) {
            p.reached[i] = true;
        }
        return p;
    }

    static Passage of(Opportunity o, List<OpportunityStageChange> history, FunnelStages stages) {
        Passage p = new Passage(stages.size());
        p.opportunity(o, history, stages);
        int furthest = stages.opportunity();
        for (int i = 0; i < p.reached.length; i++) {
            if (p.reached[i]) {
                furthest = Math.max(furthest, i);
            }
        }
        for (int i = stages.opportunity(); i <= furthest; i++) {
            p.reached[i] = true;
        }
        return p;
    }

    private void opportunity(Opportunity o, List<OpportunityStageChange> history, FunnelStages stages) {
        date(stages.opportunity(), o.created());
        if (o.won()) {
            date(stages.won(), o.closed());
        } else if (o.stage().kind() == StageRef.Kind.REACHED) {
            reached[o.stage().index()] = true;
        }
        for (OpportunityStageChange c : history) {
            if (c.toStage().kind() == StageRef.Kind.REACHED && c.toStage().index() > stages.opportunity()) {
                date(c.toStage().index(), c.at());
            }
        }
    }

    /** The stage reached at {@code when} (the earliest date wins); an unknown stage id is ignored. */
    private void date(int index, Instant when) {
        if (index < 0) {
            return;
        }
        reached[index] = true;
        if (when != null) {
            long t = when.toEpochMilli();
            if (at[index] == UNDATED || t < at[index]) {
                at[index] = t;
            }
            furthestDated = Math.max(furthestDated, index);
        }
    }

    /** Adds this passage to a summary: counts, stage-to-stage advances and the days between dated stages. */
    void into(FunnelSummary s) {
        for (int i = 0; i < reached.length; i++) {
            if (reached[i]) {
                s.reached[i]++;
                if (i + 1 < reached.length && reached[i + 1]) {
                    s.advanced[i]++;
                    if (at[i] != UNDATED && at[i + 1] != UNDATED && at[i + 1] >= at[i]) {
                        s.days[i].add(at[i + 1] - at[i]);
                    }
                }
            }
        }
    }
}
