package dev.baton.assist.draft;

import dev.baton.model.Field;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words that, near a value in a request, say which field it is for: the field's id and name
 * (strong), the usual ways of saying them ("starting", "until", "owned by"…), and the words of its
 * description (weak). A value goes to the field whose cues stand nearest and most clearly.
 */
final class Cues {

    /** Ways of saying a field's id word in a request, beyond the word itself. */
    private static final Map<String, List<String>> SAYINGS = Map.ofEntries(
            Map.entry("start", List.of("from", "starting", "start", "begin", "beginning", "kick", "kickoff", "commencing")),
            Map.entry("end", List.of("until", "till", "through", "thru", "ending", "to", "wrap", "close")),
            Map.entry("due", List.of("by", "deadline", "before", "due")),
            Map.entry("launch", List.of("launch", "launching", "ship", "release", "ga", "live")),
            Map.entry("event", List.of("on", "held", "webinar", "event")),
            Map.entry("publish", List.of("publish", "publishing", "publication", "live", "post")),
            Map.entry("budget", List.of("budget", "spend", "cost", "usd", "eur", "gbp", "dollar", "euro")),
            Map.entry("signup", List.of("signup", "registration", "register", "registrant", "attendee")),
            Map.entry("reach", List.of("reach", "reaching", "account", "contact")),
            Map.entry("confidence", List.of("confidence", "confident", "sure")),
            Map.entry("effort", List.of("effort", "personweek", "week")),
            Map.entry("owner", List.of("owner", "owned", "own", "lead", "led", "run", "driven", "drive")),
            Map.entry("reviewer", List.of("review", "reviewed", "reviewer", "approve", "approved", "approver")),
            Map.entry("author", List.of("written", "write", "writer", "author")),
            Map.entry("requester", List.of("requested", "requester", "asked", "ask")),
            Map.entry("speaker", List.of("speaker", "speaking", "presenter", "presenting", "host", "hosted")),
            Map.entry("channel", List.of("channel", "via", "through", "across")),
            // Not "for" or "target": "aiming for 300 sign-ups" is a target, not an audience ("for …" phrases are read apart).
            Map.entry("audience", List.of("audience", "segment", "persona")),
            Map.entry("segment", List.of("audience", "segment", "persona")),
            Map.entry("page", List.of("page", "landing", "lp")),
            Map.entry("deck", List.of("deck", "slide", "slides")),
            Map.entry("link", List.of("link", "url", "doc", "draft")));

    final Set<String> strong = new HashSet<>();
    final Set<String> weak = new HashSet<>();

    Cues(Field field) {
        for (String w : Words.ofId(field.id())) {
            addStrong(w);
        }
        for (String w : Words.of(field.name())) {
            addStrong(w);
        }
        for (String w : Words.of(field.description())) {
            if (!Words.STOP.contains(w) && !w.matches("\\d+(\\.\\d+)?") && !strong.contains(w)) {
                weak.add(w);
            }
        }
    }

    private void addStrong(String word) {
        if (!Words.STOP.contains(word)) {
            strong.add(word);
        }
        strong.addAll(SAYINGS.getOrDefault(word, List.of()));
    }

    /** Whether any of these words is a strong cue of the field. */
    boolean mentions(String... words) {
        for (String w : words) {
            if (strong.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** How clearly the words around a value (nearest first, before and after) point at this field. */
    double score(List<String> before, List<String> after) {
        return score(before) + score(after) * 0.75;
    }

    private double score(List<String> nearestFirst) {
        double score = 0;
        for (int i = 0; i < nearestFirst.size(); i++) {
            String w = nearestFirst.get(i);
            double distance = i + 1;
            if (strong.contains(w)) {
                score += 2 / distance;
            } else if (weak.contains(w)) {
                score += 1 / distance;
            }
        }
        return score;
    }
}
