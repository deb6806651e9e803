package dev.baton.insight.debt;

import java.util.Locale;

/**
 * What a debt score means, in four bands with a stated rule: the sentence the dashboard and the
 * report show under the score, so that "17" is never read without its scale.
 */
public enum ScoreBand {
    LOW("low", 0, 10, "work mostly flows as declared; keep watching the top actions"),
    MODERATE("moderate", 10, 25, "friction in some stages, handoffs or habits; the top actions pay back"),
    HIGH("high", 25, 50, "work departs from the model in many places; work the top actions before adding tools or AI"),
    SEVERE("severe", 50, 101, "the declared way of working is not how work happens; redefine the operating model first");

    private final String id;
    private final double from;
    private final double below;
    private final String meaning;

    ScoreBand(String id, double from, double below, String meaning) {
        this.id = id;
        this.from = from;
        this.below = below;
        this.meaning = meaning;
    }

    public static ScoreBand of(double score) {
        for (ScoreBand band : values()) {
            if (score < band.below) {
                return band;
            }
        }
        return SEVERE;
    }

    public String id() {
        return id;
    }

    /**
     * "Debt score 17 of 100 is moderate (10 to under 25): …", or, for a history of fewer than
     * {@code minItems} items, that the score is too thin to judge a team by.
     */
    public String sentence(double score, long items, int minItems) {
        if (items < minItems) {
            return String.format(Locale.ROOT, "Debt score %.0f of 100 from only %d item(s): too few to judge a team by "
                    + "(%d or more are needed); read the components as examples, not rates.", score, items, minItems);
        }
        return sentence(score);
    }

    /** "Debt score 17 of 100 is moderate (10 to under 25): …". */
    public String sentence(double score) {
        String range = this == SEVERE ? "50 and above" : String.format(Locale.ROOT, "%.0f to under %.0f", from, below);
        return String.format(Locale.ROOT, "Debt score %.0f of 100 is %s (%s): %s. Bands: low under 10, moderate under 25, "
                + "high under 50, severe 50 and above.", score, id, range, meaning);
    }

    public boolean worst() {
        return this == SEVERE;
    }
}
