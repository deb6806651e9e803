package dev.baton.model;

import java.util.List;

/**
 * A stage of the outcome funnel (Lead → MQL → SQL → opportunity → won by default) and how CRM data
 * shows it.
 *
 * @param statuses          lead statuses and lifecycle-stage values that mean the stage is reached
 *                          (Salesforce {@code Lead Status}, HubSpot {@code Lifecycle Stage} / {@code Lead Status})
 * @param dateColumns       lead or contact columns that date the stage (HubSpot's "Became a … Date",
 *                          Salesforce custom fields such as {@code MQL Date})
 * @param opportunityStages opportunity or deal stage names that mean the stage is reached
 */
public record FunnelStage(String id, String name, List<String> statuses, List<String> dateColumns,
                          List<String> opportunityStages) {
}
