package dev.baton.measure.simulation;

import java.util.Map;

/**
 * The outcome data of a simulated history, as the exports people have: a Salesforce leads report,
 * a Salesforce opportunities report and a touchpoint file (the columns the readers of
 * docs/outcomes.md read), and the true effects they were generated with.
 */
public record SimulatedOutcomes(String leadsCsv, String opportunitiesCsv, String touchpointsCsv,
                                Map<String, Object> truth, int touchpoints, int leads, int opportunities) {

    /** The file names the exports are written under (the CRM reports in one directory). */
    public static final String LEADS = "leads.csv";
    public static final String OPPORTUNITIES = "opportunities.csv";
    public static final String TOUCHPOINTS = "touchpoints.csv";
}
