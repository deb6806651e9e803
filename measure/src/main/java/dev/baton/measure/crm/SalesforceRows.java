package dev.baton.measure.crm;

import dev.baton.measure.outcome.CampaignMember;
import dev.baton.measure.outcome.Contact;
import dev.baton.measure.outcome.ContactId;
import dev.baton.measure.outcome.FunnelStages;
import dev.baton.measure.outcome.Lead;
import dev.baton.measure.outcome.LeadId;
import dev.baton.measure.outcome.Opportunity;
import dev.baton.measure.outcome.OpportunityId;
import dev.baton.measure.outcome.OpportunityStageChange;
import dev.baton.measure.outcome.StageRef;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The rows of Salesforce report exports, one method per report. */
final class SalesforceRows {

    private SalesforceRows() {
    }

    static void lead(Rows r, FileLog c) {
        String id = r.required("id");
        StageRef status = r.stage("status");
        r.required("status");
        Instant created = r.date("created", true);
        Instant converted = r.date("converted", false);
        Map<String, Instant> reached = stageDates(r);
        String opp = r.text("opportunity");
        FunnelStages stages = r.mapping().stages();
        if (converted != null && opp != null) {
            reached.putIfAbsent(stages.id(stages.opportunity()), converted);
        }
        if (!r.clean()) {
            return;
        }
        reached.putIfAbsent(stages.id(0), created);
        Lead lead = new Lead(new LeadId(id), email(r.text("email")), r.text("company"), r.text("status"), status,
                r.pooled("source"), r.pooled("segment"), created, reached, opp == null ? null : new OpportunityId(opp));
        c.keep(r, "id", "Lead ID", id, lead, FileLog.Target.LEADS);
    }

    /** The funnel stages the row's date columns mark ("MQL Date", "Became a … Date"). */
    static Map<String, Instant> stageDates(Rows r) {
        Map<String, Instant> reached = new HashMap<>();
        r.stageDateColumns().forEach((stage, column) -> {
            Instant at = r.date(column, false);
            if (at != null) {
                reached.put(stage, at);
            }
        });
        return reached;
    }

    static void opportunity(Rows r, FileLog c) {
        String id = r.required("id");
        StageRef stage = r.stage("stage");
        r.required("stage");
        double amount = r.amount("amount");
        Instant created = r.date("created", true);
        Instant close = r.date("close", stage != null && stage.closed());
        if (!r.clean()) {
            return;
        }
        Opportunity o = new Opportunity(new OpportunityId(id), r.text("name"), r.pooled("stage"), stage, amount,
                created, stage.closed() ? close : null, r.pooled("source"), r.pooled("campaign"), r.pooled("account"),
                r.pooled("segment"));
        c.keep(r, "id", "Opportunity ID", id, o, FileLog.Target.OPPORTUNITIES);
    }

    static void contactRole(Rows r, FileLog c) {
        String opp = r.required("opportunity");
        String email = email(r.required("email"));
        if (!r.clean()) {
            return;
        }
        String contact = r.text("contact");
        String primary = r.text("primary");
        boolean isPrimary = primary != null && (primary.equals("1") || primary.equalsIgnoreCase("true")
                || primary.equalsIgnoreCase("yes"));
        Contact role = new Contact(contact == null ? null : new ContactId(contact), email, new OpportunityId(opp),
                r.pooled("role"), isPrimary);
        c.keepRow(role, FileLog.Target.CONTACTS);
    }

    static void history(Rows r, FileLog c) {
        String field = r.text("field");
        if (field != null && !field.toLowerCase(Locale.ROOT).contains("stage")) {
            c.note("history rows of other fields than the stage, skipped");
            return;
        }
        String opp = r.required("opportunity");
        String to = r.required("to");
        StageRef stage = r.stage("to");
        Instant at = r.date("date", true);
        if (!r.clean()) {
            return;
        }
        OpportunityStageChange change = new OpportunityStageChange(new OpportunityId(opp), r.pooled("from"),
                r.pooled("to"), stage, at);
        if (to != null) {
            c.keepRow(change, FileLog.Target.STAGE_CHANGES);
        }
    }

    static void campaignMember(Rows r, FileLog c) {
        String campaign = r.required("campaign");
        String email = email(r.required("email"));
        Instant responded = r.date("responded", false);
        if (!r.clean()) {
            return;
        }
        if (responded == null) {
            c.note("campaign members who never responded (not touches)");
        }
        CampaignMember m = new CampaignMember(r.mapping().campaigns().aliases().getOrDefault(campaign, campaign),
                r.text("person"), email, r.pooled("status"), responded, r.pooled("channel"));
        c.keepRow(m, FileLog.Target.MEMBERS);
    }

    static String email(String text) {
        return text == null ? null : text.trim().toLowerCase(Locale.ROOT);
    }
}
