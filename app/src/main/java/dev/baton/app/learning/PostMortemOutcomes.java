package dev.baton.app.learning;

import dev.baton.app.outcome.OutcomeImports;
import dev.baton.app.outcome.OutcomeReports;
import dev.baton.insight.learning.CampaignOutcome;
import dev.baton.insight.learning.OutcomeSource;
import dev.baton.measure.funnel.FunnelReport;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The outcome figures a post-mortem judges work by: the funnel of the stored outcome exports split by
 * campaign (the Outcomes page's, {@code baton funnel --by campaign}), each CRM campaign found by its
 * name, trimmed and in any case. Until the outcomes page links campaigns to work itself, a work item
 * is linked by its {@code campaign} field or its title ({@link dev.baton.insight.learning.OutcomeLink}).
 */
@Component
class PostMortemOutcomes {

    /** The figures of every campaign, and whether any outcome data is stored at all. */
    record Source(OutcomeSource source, boolean stored) {
    }

    private final OutcomeReports reports;

    PostMortemOutcomes(OutcomeReports reports) {
        this.reports = reports;
    }

    Source source() {
        OutcomeImports.Stored stored = reports.stored();
        if (stored.empty()) {
            return new Source(OutcomeSource.NONE, false);
        }
        FunnelReport funnel = reports.funnel(stored, "campaign");
        Map<String, CampaignOutcome> byName = new HashMap<>();
        for (FunnelReport.Group g : funnel.groups()) {
            FunnelReport.Money m = g.money();
            if (g.key() != null && m != null) {
                byName.putIfAbsent(key(g.key()), new CampaignOutcome(g.key(), m.opportunitiesSourced(),
                        m.pipelineSourced(), m.wonSourced(), m.revenueSourced(), m.opportunitiesInfluenced(),
                        m.pipelineInfluenced(), m.wonInfluenced(), m.revenueInfluenced()));
            }
        }
        return new Source(link -> Optional.ofNullable(byName.get(key(link))), true);
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
