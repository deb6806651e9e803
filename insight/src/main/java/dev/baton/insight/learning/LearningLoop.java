package dev.baton.insight.learning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How well a team closes its learning loops (docs/learning-loops.md): of the insights recorded,
 * how many led to action (a follow-up work item created) and how many to a result (a follow-up
 * completed), with the median days from the insight to its first action, from the insight to its
 * first result, and from that action to that result; and of the proposed model changes, how many
 * the model's owner accepted, declined or has still to decide, with the median days to a decision.
 * A median of no insights is null, never NaN.
 */
public record LearningLoop(int insights, int withAction, int withResult, Double medianDaysToAction,
                           Double medianDaysToResult, Double medianDaysActionToResult, int proposals, int accepted,
                           int declined, int open, Double medianDaysToDecision, String sentence) {

    /** An insight's trail: when it was recorded and its follow-ups. */
    public record Trail(Instant recordedAt, List<FollowUp> followUps) {
        public Trail {
            followUps = followUps == null ? List.of() : List.copyOf(followUps);
        }
    }

    /** A follow-up work item: when it was created and when completed (null while open). */
    public record FollowUp(Instant createdAt, Instant completedAt) {
    }

    /** A proposed model change: when proposed and decided (null while open), and whether it was accepted. */
    public record Proposal(Instant proposedAt, Instant decidedAt, boolean accepted) {
    }

    public static LearningLoop measure(List<Trail> insights, List<Proposal> proposals) {
        List<Double> toAction = new ArrayList<>();
        List<Double> toResult = new ArrayList<>();
        List<Double> actionToResult = new ArrayList<>();
        for (Trail t : insights) {
            Instant action = t.followUps().stream().map(FollowUp::createdAt).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
            Instant result = t.followUps().stream().map(FollowUp::completedAt).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
            if (action != null) {
                toAction.add(days(t.recordedAt(), action));
            }
            if (result != null) {
                toResult.add(days(t.recordedAt(), result));
                actionToResult.add(days(action, result));
            }
        }
        int accepted = 0;
        int declined = 0;
        List<Double> toDecision = new ArrayList<>();
        for (Proposal p : proposals) {
            if (p.decidedAt() != null) {
                toDecision.add(days(p.proposedAt(), p.decidedAt()));
                if (p.accepted()) {
                    accepted++;
                } else {
                    declined++;
                }
            }
        }
        int open = proposals.size() - accepted - declined;
        Double action = median(toAction);
        Double result = median(toResult);
        Double decision = median(toDecision);
        String sentence = insights.isEmpty() ? "No insights recorded yet."
                : "Of " + insights.size() + (insights.size() == 1 ? " insight, " : " insights, ") + toAction.size()
                + " led to action" + (action == null ? "" : " (median " + format(action) + " days after the insight)")
                + " and " + toResult.size() + " to a result" + (result == null ? "" : " (median " + format(result)
                + " days after the insight)") + ".";
        sentence += proposals.isEmpty() ? " No model changes proposed yet."
                : " Of " + proposals.size() + " proposed model " + (proposals.size() == 1 ? "change, " : "changes, ") + accepted
                + " accepted, " + declined + " declined and " + open + " open" + (decision == null ? "" : " (median "
                + format(decision) + " days to a decision)") + ".";
        return new LearningLoop(insights.size(), toAction.size(), toResult.size(), action, result, median(actionToResult),
                proposals.size(), accepted, declined, open, decision, sentence);
    }

    /** Days as a decimal number, to the tenth, as pages and JSON show them. */
    public static String format(double days) {
        return String.format(Locale.ROOT, "%.1f", days);
    }

    private static double days(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis()) / 86_400_000.0;
    }

    /** The middle value (the mean of the two middle ones for an even count); null for none. */
    public static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
