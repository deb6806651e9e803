package dev.baton.assist.routing;

import dev.baton.assist.history.PastWork;
import dev.baton.assist.similar.Match;
import dev.baton.model.OperatingModel;
import dev.baton.model.Party;
import dev.baton.model.Person;
import dev.baton.model.Stage;
import dev.baton.model.Team;
import dev.baton.model.WorkType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A routing suggestion for a new request (docs/assist.md, "Routing"): the work type by a vote of
 * its nearest past items, each weighing its similarity (only work types an intake form feeds,
 * when the model has forms); the owner among the people of the function that owns the work
 * type's first stage (or the team's members, when a team owns it), the one with the fewest open
 * items now. Both explain themselves.
 */
public final class Routing {

    /** How many of the nearest past items vote. */
    public static final int NEIGHBOURS = 10;
    /** Neighbours less similar than this do not vote: an unrelated item says nothing about the request. */
    public static final double MIN_SIMILARITY = 0.25;

    private Routing() {
    }

    /**
     * @param nearest the past work most similar to the request, best first (items with a work type vote)
     * @param all     every past item, for the current load of open items per owner
     */
    public static RoutingSuggestion suggest(OperatingModel model, List<Match> nearest, List<PastWork> all) {
        // At intake a request becomes a work type an intake form feeds; when the model has forms, only those are candidates.
        java.util.Set<String> intake = new java.util.HashSet<>();
        model.intake().forms().forEach(f -> intake.add(f.workType()));
        Map<String, Double> votes = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        int voters = 0;
        for (Match m : nearest) {
            String type = m.work().workType();
            if (voters == NEIGHBOURS || m.similarity() < MIN_SIMILARITY || type == null || model.workType(type).isEmpty()
                    || (!intake.isEmpty() && !intake.contains(type))) {
                continue;
            }
            votes.merge(type, m.similarity(), Double::sum);
            counts.merge(type, 1, Integer::sum);
            voters++;
        }
        List<String> reasons = new ArrayList<>();
        if (votes.isEmpty()) {
            reasons.add(String.format(Locale.ROOT, "no past item %sis similar enough (%.2f or more) to suggest a work type",
                    intake.isEmpty() ? "" : "of a work type the intake forms feed (" + String.join(", ", new java.util.TreeSet<>(intake))
                            + ") ", MIN_SIMILARITY));
            return new RoutingSuggestion(null, 0, null, List.of(), reasons);
        }
        String best = votes.entrySet().stream().max(Map.Entry.<String, Double>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
        double total = votes.values().stream().mapToDouble(Double::doubleValue).sum();
        double confidence = votes.get(best) / total;
        reasons.add(String.format(Locale.ROOT, "%s: %d of the %d most similar past items%s are of this work type "
                + "(%.0f%% of their similarity)", best, counts.get(best), voters,
                intake.isEmpty() ? "" : " of work types the intake forms feed", 100 * confidence));
        WorkType type = model.workType(best).orElseThrow();
        Stage first = type.firstStage().orElse(null);
        if (first == null || first.owner() == null) {
            reasons.add("no owner suggested: the first stage of " + best + " has no owner");
            return new RoutingSuggestion(best, confidence, null, List.of(), reasons);
        }
        Map<String, Long> open = new HashMap<>();
        for (PastWork w : all) {
            if (w.kind() == PastWork.Kind.ITEM && w.open() && w.owner() != null) {
                open.merge(w.owner(), 1L, Long::sum);
            }
        }
        List<RoutingSuggestion.Load> loads = new ArrayList<>();
        for (String person : people(model, first.owner())) {
            loads.add(new RoutingSuggestion.Load(person, open.getOrDefault(person, 0L)));
        }
        // Least loaded first; on a tie, the model's order, so that the answer is stable.
        List<String> order = model.people().stream().map(Person::id).toList();
        loads.sort(Comparator.comparingLong(RoutingSuggestion.Load::openItems)
                .thenComparingInt(l -> order.indexOf(l.person())));
        if (loads.isEmpty()) {
            reasons.add("no owner suggested: " + first.owner() + " (owner of stage " + first.id() + ") has no people in the model");
            return new RoutingSuggestion(best, confidence, null, loads, reasons);
        }
        RoutingSuggestion.Load chosen = loads.get(0);
        String function = model.functionOf(first.owner()).orElse(null);
        reasons.add(String.format(Locale.ROOT, "%s: stage %s of %s is owned by %s%s; %s", chosen.person(), first.id(), best,
                first.owner(), function == null || function.equals(first.owner()) ? "" : " (" + function + ")", String.join(", ", loads.stream().map(l -> l.person() + " owns " + l.openItems()
                        + " open item(s)").toList())));
        return new RoutingSuggestion(best, confidence, chosen.person(), loads, reasons);
    }

    /**
     * Who could own work a party owns: a team's members; for a person or a function, the people
     * of that function (the work is the function's, the person its usual owner).
     */
    private static List<String> people(OperatingModel model, String partyId) {
        Party party = model.party(partyId).orElse(null);
        if (party instanceof Team t) {
            return t.members();
        }
        if (party != null) {
            String function = party.functionId();
            return model.people().stream().filter(p -> function != null && function.equals(p.function()))
                    .map(Person::id).toList();
        }
        return List.of();
    }
}
