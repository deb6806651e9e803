package dev.baton.measure.mapping;

import dev.baton.measure.outcome.FunnelStages;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outcome mapping (docs/outcomes.md#mapping): how a team's CRM exports and touchpoint files
 * are read. Everything has a default, so a first run needs no mapping.
 *
 * @param dayFirst    {@code 03/04/2026} is 3 April (day first) instead of March 4 (Salesforce's
 *                    US default, month first)
 * @param columns     per export kind (e.g. {@code salesforce-opportunities}), field → column header
 * @param files       file name → export kind, for a file whose header does not say what it is
 * @param stageDates  date column of a lead or contact export → the funnel stage it dates
 * @param identity    email and domain overrides for matching people to accounts
 * @param campaigns   how campaigns are named across sources, and which template field of a campaign
 *                    work item names its CRM or UTM campaign
 * @param handoff     the lead handoff (MQL → SQL): its SLA and when an MQL counts as never worked
 */
public record OutcomeMapping(boolean dayFirst, FunnelStages stages, Map<String, Map<String, String>> columns,
                             Map<String, String> files, Map<String, String> stageDates, IdentityRules identity,
                             CampaignRules campaigns, HandoffRules handoff) {

    /** The built-in "Became a … Date" columns of HubSpot and the usual custom date fields of Salesforce. */
    public static final Map<String, String> DEFAULT_STAGE_DATES = Map.ofEntries(
            Map.entry("Became a Lead Date", "lead"),
            Map.entry("Became a Marketing Qualified Lead Date", "mql"),
            Map.entry("Became a Sales Qualified Lead Date", "sql"),
            Map.entry("Became an Opportunity Date", "opportunity"),
            Map.entry("Became a Customer Date", "won"),
            Map.entry("MQL Date", "mql"),
            Map.entry("SQL Date", "sql"),
            Map.entry("Sales Accepted Date", "sql"));

    /**
     * This mapping under an operating model's funnel: the model's stages and values, then the
     * mapping's values and date columns that name one of those stages; unchanged when the model
     * declares no funnel.
     */
    public OutcomeMapping withFunnel(dev.baton.model.FunnelSettings model) {
        if (model == null || !model.declared()) {
            return this;
        }
        FunnelStages funnel = FunnelStages.of(model, stages.overrides());
        Map<String, String> dates = new java.util.LinkedHashMap<>();
        stageDates.forEach((column, stage) -> {
            if (funnel.indexOf(stage) >= 0) {
                dates.put(column, stage);
            }
        });
        model.stages().forEach(s -> s.dateColumns().forEach(c -> dates.put(c, s.id())));
        return new OutcomeMapping(dayFirst, funnel, columns, files, Map.copyOf(dates), identity, campaigns, handoff);
    }

    public static final OutcomeMapping DEFAULT = new OutcomeMapping(false, FunnelStages.defaults(), Map.of(), Map.of(),
            DEFAULT_STAGE_DATES, IdentityRules.NONE, CampaignRules.NONE, HandoffRules.DEFAULT);

    /**
     * @param personalDomains added to the built-in list of free-mail domains (gmail.com …)
     * @param emails          email → account (a domain or a name)
     * @param domains         email domain → account
     * @param accounts        account name as a CRM writes it → account domain
     */
    public record IdentityRules(List<String> personalDomains, Map<String, String> emails, Map<String, String> domains,
                                Map<String, String> accounts) {
        public static final IdentityRules NONE = new IdentityRules(List.of(), Map.of(), Map.of(), Map.of());
    }

    /**
     * @param linkField the template field of a campaign work item that holds its CRM or UTM campaign name
     * @param channels  campaign → channel, for campaign members and opportunities whose campaign no
     *                  touchpoint names a channel for
     * @param aliases   a campaign's other names (a UTM campaign, a CRM campaign name) → one name
     */
    public record CampaignRules(String linkField, Map<String, String> channels, Map<String, String> aliases) {
        public static final CampaignRules NONE = new CampaignRules(null, Map.of(), Map.of());
    }

    /**
     * @param sla              how long sales may take to accept an MQL
     * @param neverWorkedAfter an MQL still untouched this long after it was handed over is never worked
     */
    public record HandoffRules(Duration sla, Duration neverWorkedAfter) {
        public static final HandoffRules DEFAULT = new HandoffRules(Duration.ofDays(2), Duration.ofDays(14));
    }
}
