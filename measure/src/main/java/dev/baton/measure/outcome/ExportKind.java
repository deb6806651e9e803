package dev.baton.measure.outcome;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The exports Baton reads outcome data from, each with its fields and the column headers that
 * carry them (the first alias is the one the tool writes; the others are common variants). A
 * file's kind is recognised from its header; the mapping's {@code files} can name it instead.
 */
public enum ExportKind {

    SALESFORCE_LEADS("salesforce-leads", "a Salesforce leads report", List.of(
            Field.required("id", "Lead ID", "Id", "Lead Id", "Record ID"),
            Field.optional("email", "Email", "Email Address"),
            Field.optional("company", "Company", "Company / Account", "Account Name"),
            Field.required("status", "Lead Status", "Status"),
            Field.optional("source", "Lead Source"),
            Field.optional("segment", "Segment", "Market Segment"),
            Field.required("created", "Created Date", "Create Date"),
            Field.optional("converted", "Converted Date"),
            Field.optional("opportunity", "Converted Opportunity ID", "Converted Opportunity: Opportunity ID",
                    "Converted Opportunity Id", "Converted Opportunity"))),
    SALESFORCE_OPPORTUNITIES("salesforce-opportunities", "a Salesforce opportunities report", List.of(
            Field.required("id", "Opportunity ID", "Id", "Opportunity Id"),
            Field.optional("name", "Opportunity Name", "Name"),
            Field.required("stage", "Stage", "Stage Name"),
            Field.required("amount", "Amount", "Amount (converted)"),
            Field.required("created", "Created Date", "Create Date"),
            Field.optional("close", "Close Date"),
            Field.optional("source", "Lead Source"),
            Field.optional("campaign", "Primary Campaign Source", "Primary Campaign", "Campaign Name"),
            Field.optional("account", "Account Name", "Account", "Account Domain", "Website"),
            Field.optional("segment", "Segment", "Market Segment"))),
    SALESFORCE_CONTACT_ROLES("salesforce-contact-roles", "a Salesforce opportunity contact roles report", List.of(
            Field.required("opportunity", "Opportunity ID", "Opportunity Id"),
            Field.optional("contact", "Contact ID", "Contact Id"),
            Field.required("email", "Email", "Contact: Email"),
            Field.optional("role", "Contact Role", "Role"),
            Field.optional("primary", "Primary", "Is Primary"))),
    SALESFORCE_OPPORTUNITY_HISTORY("salesforce-opportunity-history",
            "a Salesforce opportunity history (or field history) report", List.of(
            Field.required("opportunity", "Opportunity ID", "Opportunity Id"),
            Field.optional("field", "Field / Event", "Field"),
            Field.optional("from", "From Stage", "Old Value"),
            Field.required("to", "To Stage", "New Value", "Stage"),
            Field.required("date", "Last Modified", "Edit Date", "Stage Change Date", "Created Date", "Date"))),
    SALESFORCE_CAMPAIGN_MEMBERS("salesforce-campaign-members", "a Salesforce campaign members report", List.of(
            Field.required("campaign", "Campaign Name", "Campaign"),
            Field.optional("person", "Lead/Contact ID", "Lead ID", "Contact ID", "Member ID"),
            Field.required("email", "Email"),
            Field.optional("status", "Member Status", "Status"),
            Field.optional("responded", "First Responded Date", "Responded Date"),
            Field.optional("channel", "Campaign Type", "Type"))),
    HUBSPOT_DEALS("hubspot-deals", "a HubSpot deals export", List.of(
            Field.required("id", "Record ID", "Deal ID", "Deal Id", "hs_object_id"),
            Field.optional("name", "Deal Name", "dealname"),
            Field.required("stage", "Deal Stage", "dealstage"),
            Field.required("amount", "Amount", "amount"),
            Field.required("created", "Create Date", "Created Date", "createdate"),
            Field.optional("close", "Close Date", "closedate"),
            Field.optional("source", "Original Source", "Original Source Type", "Original Traffic Source",
                    "hs_analytics_source"),
            Field.optional("campaign", "Campaign", "Primary Campaign", "Original Source Drill-Down 2"),
            Field.optional("account", "Associated Company", "Company Name", "Associated Company (Primary)",
                    "Company Domain Name"),
            Field.optional("segment", "Segment"))),
    HUBSPOT_CONTACTS("hubspot-contacts", "a HubSpot contacts export", List.of(
            Field.required("id", "Record ID", "Contact ID", "Contact Id", "hs_object_id"),
            Field.required("email", "Email", "email"),
            Field.optional("company", "Company Name", "Company", "Associated Company"),
            Field.optional("status", "Lifecycle Stage", "lifecyclestage"),
            Field.optional("leadStatus", "Lead Status", "hs_lead_status"),
            Field.optional("source", "Original Source", "Original Source Type", "hs_analytics_source"),
            Field.optional("segment", "Segment"),
            Field.optional("created", "Create Date", "Created Date", "createdate"),
            Field.optional("opportunity", "Associated Deal IDs", "Associated Deal", "Deal ID"))),
    TOUCHPOINTS("touchpoints", "a touchpoint file", List.of(
            Field.optional("email", "email", "person", "person_email", "contact_email"),
            Field.optional("account", "account", "company", "account_domain", "domain"),
            Field.required("time", "time", "timestamp", "touch_time", "date"),
            Field.required("channel", "channel"),
            Field.optional("campaign", "campaign", "campaign_name"),
            Field.optional("utmSource", "utm_source"),
            Field.optional("utmMedium", "utm_medium"),
            Field.optional("utmCampaign", "utm_campaign"),
            Field.optional("cost", "cost", "spend")));

    /**
     * One field of an export.
     *
     * @param aliases the headers that carry it, matched exactly, then ignoring case and spaces
     */
    public record Field(String name, List<String> aliases, boolean required) {
        static Field required(String name, String... aliases) {
            return new Field(name, List.of(aliases), true);
        }

        static Field optional(String name, String... aliases) {
            return new Field(name, List.of(aliases), false);
        }
    }

    private final String id;
    private final String label;
    private final List<Field> fields;

    ExportKind(String id, String label, List<Field> fields) {
        this.id = id;
        this.label = label;
        this.fields = fields;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public List<Field> fields() {
        return fields;
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public static Optional<ExportKind> byId(String id) {
        for (ExportKind k : values()) {
            if (k.id.equals(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static List<String> ids() {
        return java.util.Arrays.stream(values()).map(ExportKind::id).toList();
    }

    /** A header in the form it is compared: lower case, without spaces, underscores or dashes. */
    public static String normal(String header) {
        StringBuilder b = new StringBuilder(header.length());
        for (char c : header.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c != ' ' && c != '_' && c != '-') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The kind a header says the file is, by the columns only that kind has; empty when none.
     *
     * @param headers the header's column names in {@link #normal} form
     */
    public static Optional<ExportKind> recognise(Set<String> headers) {
        if (headers.contains("channel") && (headers.contains("time") || headers.contains("timestamp")
                || headers.contains("touchtime") || headers.contains("date"))) {
            return Optional.of(TOUCHPOINTS);
        }
        if (headers.contains("dealstage") || headers.contains("dealname")) {
            return Optional.of(HUBSPOT_DEALS);
        }
        if (headers.contains("lifecyclestage") || headers.stream().anyMatch(h -> h.startsWith("becamea"))) {
            return Optional.of(HUBSPOT_CONTACTS);
        }
        if (headers.contains("fromstage") || headers.contains("tostage") || headers.contains("newvalue")
                || headers.contains("field/event")) {
            return Optional.of(SALESFORCE_OPPORTUNITY_HISTORY);
        }
        if (headers.contains("firstrespondeddate") || headers.contains("lead/contactid")
                || headers.contains("memberstatus")) {
            return Optional.of(SALESFORCE_CAMPAIGN_MEMBERS);
        }
        if (headers.contains("contactrole") || headers.contains("contactid") && headers.contains("opportunityid")) {
            return Optional.of(SALESFORCE_CONTACT_ROLES);
        }
        if (headers.contains("opportunityid") || headers.contains("stage") && headers.contains("closedate")) {
            return Optional.of(SALESFORCE_OPPORTUNITIES);
        }
        if (headers.contains("leadid") || headers.contains("leadstatus")
                || headers.contains("status") && headers.contains("company")) {
            return Optional.of(SALESFORCE_LEADS);
        }
        return Optional.empty();
    }
}
