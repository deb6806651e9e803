package dev.baton.measure.crm;

import dev.baton.measure.outcome.FunnelStages;
import dev.baton.measure.outcome.Lead;
import dev.baton.measure.outcome.LeadId;
import dev.baton.measure.outcome.OpportunityId;
import dev.baton.measure.outcome.StageRef;
import java.time.Instant;
import java.util.Map;

/** The rows of HubSpot CSV exports: deals, and contacts with their lifecycle dates. */
final class HubSpotRows {

    private HubSpotRows() {
    }

    static void deal(Rows r, FileLog c) {
        // A HubSpot deal is an opportunity: the same fields under other headers.
        SalesforceRows.opportunity(r, c);
    }

    static void contact(Rows r, FileLog c) {
        String id = r.required("id");
        String email = SalesforceRows.email(r.required("email"));
        StageRef lifecycle = r.stage("status");
        StageRef leadStatus = r.stage("leadStatus");
        Instant created = r.date("created", false);
        Map<String, Instant> reached = SalesforceRows.stageDates(r);
        if (!r.clean()) {
            return;
        }
        FunnelStages stages = r.mapping().stages();
        if (created == null) {
            created = reached.values().stream().min(Instant::compareTo).orElse(null);
        }
        if (created == null) {
            r.problem("created", "expected a Create Date or a 'Became a … Date', found none on this row");
            return;
        }
        reached.putIfAbsent(stages.id(0), created);
        // HubSpot's lead status says when sales sent a contact back ("Unqualified", "Bad Timing").
        StageRef status = leadStatus != null && leadStatus.rejected() ? leadStatus : lifecycle;
        String statusText = leadStatus != null && leadStatus.rejected() ? r.text("leadStatus") : r.text("status");
        String deal = r.text("opportunity");
        if (deal != null && deal.contains(";")) {
            deal = deal.substring(0, deal.indexOf(';')).trim();
        }
        Lead lead = new Lead(new LeadId(id), email, r.text("company"), statusText, status, r.pooled("source"),
                r.pooled("segment"), created, reached, deal == null || deal.isEmpty() ? null : new OpportunityId(deal));
        c.keep(r, "id", "contact Record ID", id, lead, FileLog.Target.LEADS);
    }
}
