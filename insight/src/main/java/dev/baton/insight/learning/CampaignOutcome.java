package dev.baton.insight.learning;

import java.util.Locale;

/**
 * The outcome figures of one CRM campaign as the funnel computed them from the stored exports
 * (docs/outcomes.md#definitions): opportunities, pipeline and won revenue the campaign sourced, and
 * those it influenced. What a post-mortem judges a campaign or initiative by.
 */
public record CampaignOutcome(String campaign, long opportunitiesSourced, double pipelineSourced, long wonSourced,
                              double revenueSourced, long opportunitiesInfluenced, double pipelineInfluenced,
                              long wonInfluenced, double revenueInfluenced) {

    /**
     * The figure a model metric is measured by, or null when the metric is none of them. Until the
     * model says how each metric is measured ({@code metrics: measure:}), the metric's id names the
     * figure: {@code pipeline}, {@code sourced-pipeline} or {@code pipeline-sourced}: pipeline sourced;
     * {@code influenced-pipeline} or {@code pipeline-influenced}; {@code revenue}, {@code won-revenue}
     * or {@code revenue-sourced}: won revenue sourced; {@code influenced-revenue} or
     * {@code revenue-influenced}.
     */
    public Double actual(String metric) {
        return switch (metric == null ? "" : metric.toLowerCase(Locale.ROOT)) {
            case "pipeline", "sourced-pipeline", "pipeline-sourced" -> pipelineSourced;
            case "influenced-pipeline", "pipeline-influenced" -> pipelineInfluenced;
            case "revenue", "won-revenue", "revenue-sourced" -> revenueSourced;
            case "influenced-revenue", "revenue-influenced" -> revenueInfluenced;
            default -> null;
        };
    }

    /** "sourced 3 opportunities (pipeline 120,000), 2 won (revenue 80,000); influenced …". */
    public String figures() {
        return String.format(Locale.ROOT, "sourced %,d opportunit%s (pipeline %s), %,d won (revenue %s); influenced "
                        + "%,d (pipeline %s), %,d won (revenue %s)", opportunitiesSourced,
                opportunitiesSourced == 1 ? "y" : "ies", PostMortemFacts.number(pipelineSourced), wonSourced,
                PostMortemFacts.number(revenueSourced), opportunitiesInfluenced,
                PostMortemFacts.number(pipelineInfluenced), wonInfluenced, PostMortemFacts.number(revenueInfluenced));
    }
}
