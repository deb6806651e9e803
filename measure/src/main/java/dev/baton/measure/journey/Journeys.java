package dev.baton.measure.journey;

import dev.baton.measure.identity.Identities;
import dev.baton.measure.outcome.Opportunity;
import dev.baton.measure.outcome.OutcomeData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts each account's (or person's) touches into journeys. A conversion (an opportunity created,
 * or won, as chosen) ends a journey: its touches are those after the previous conversion of the
 * same account and within the lookback window before it, the conversion's time included. Touches
 * after the last conversion (or of an account that never converted), within the lookback window
 * before the last of them, make one journey that did not convert.
 */
public final class Journeys {

    /**
     * The journeys, and the conversions no journey could carry.
     *
     * @param untouched  conversions without a touch in their window (count, up to five opportunity ids)
     * @param unreached  conversions whose opportunity has no account (or person) to look touches up by
     */
    public record Result(List<Journey> journeys, long untouched, List<String> untouchedExamples, long unreached,
                         List<String> unreachedExamples) {
    }

    private record Conversion(long at, String opportunity, double value) {
    }

    private Journeys() {
    }

    public static Result build(OutcomeData data, Identities identities, TouchIndex index, JourneyOptions options) {
        Map<String, List<Conversion>> byKey = new HashMap<>();
        long unreached = 0;
        Set<String> unreachedExamples = new LinkedHashSet<>();
        for (Opportunity o : data.opportunities()) {
            Instant at = options.conversion() == JourneyOptions.Conversion.WON ? (o.won() ? o.closed() : null)
                    : o.created();
            if (at == null) {
                continue;
            }
            String id = o.id().value();
            String key = keyOfOpportunity(id, identities, index.by());
            if (key == null) {
                unreached++;
                if (unreachedExamples.size() < 5) {
                    unreachedExamples.add(id);
                }
                continue;
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Conversion(at.toEpochMilli(), id, o.amount()));
        }
        long lookback = options.lookback().toMillis();
        List<Journey> journeys = new ArrayList<>();
        long untouched = 0;
        Set<String> untouchedExamples = new LinkedHashSet<>();
        // Keys in a fixed order, so that the journeys (and the path file) come out the same every run.
        Set<String> keys = new java.util.TreeSet<>(index.groups().keySet());
        keys.addAll(byKey.keySet());
        for (String key : keys) {
            Touches touches = index.of(key);
            List<Conversion> conversions = byKey.getOrDefault(key, List.of());
            if (conversions.size() > 1) {
                conversions.sort(Comparator.comparingLong(Conversion::at).thenComparing(Conversion::opportunity));
            }
            long previous = Long.MIN_VALUE;
            for (Conversion c : conversions) {
                long from = Math.max(previous, c.at() - lookback - 1);
                Journey j = cut(key, touches, from, c.at(), true, c.opportunity(), c.value());
                if (j == null) {
                    untouched++;
                    if (untouchedExamples.size() < 5) {
                        untouchedExamples.add(c.opportunity());
                    }
                } else {
                    journeys.add(j);
                }
                previous = c.at();
            }
            if (touches != null && touches.size() > 0 && touches.at(touches.size() - 1) > previous) {
                long last = touches.at(touches.size() - 1);
                Journey j = cut(key, touches, Math.max(previous, last - lookback - 1), last, false, null, 0);
                if (j != null) {
                    journeys.add(j);
                }
            }
        }
        return new Result(Collections.unmodifiableList(journeys), untouched, List.copyOf(untouchedExamples), unreached,
                List.copyOf(unreachedExamples));
    }

    /** Whose journey an opportunity's conversion ends: its account's or its person's; null when it has none. */
    public static String keyOfOpportunity(String opportunityId, Identities identities, TouchIndex.By by) {
        return by == TouchIndex.By.ACCOUNT ? identities.accountOfOpportunity(opportunityId)
                : identities.personOfOpportunity(opportunityId);
    }

    /**
     * The journeys as the attribution models read them: one row a journey with a touch, a
     * converting journey one conversion worth its opportunity's amount, else one null.
     */
    public static dev.baton.measure.attribution.Journeys forModels(List<Journey> journeys) {
        List<dev.baton.measure.attribution.Journeys.Journey> rows = new ArrayList<>(journeys.size());
        for (Journey j : journeys) {
            if (!j.channels().isEmpty()) {
                rows.add(new dev.baton.measure.attribution.Journeys.Journey(j.channels(), j.converted() ? 1 : 0,
                        j.converted() ? j.value() : 0, j.converted() ? 0 : 1));
            }
        }
        return dev.baton.measure.attribution.Journeys.of(rows, true);
    }

    /** The journey of the touches after {@code fromExclusive} up to {@code toInclusive}; null when there are none. */
    private static Journey cut(String key, Touches touches, long fromExclusive, long toInclusive, boolean converted,
                               String opportunity, double value) {
        if (touches == null) {
            return null;
        }
        int start = touches.after(fromExclusive);
        int end = touches.after(toInclusive);
        if (start >= end) {
            return null;
        }
        List<String> channels = new ArrayList<>(end - start);
        List<String> campaigns = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            channels.add(touches.channel(i));
            campaigns.add(touches.campaign(i));
        }
        return new Journey(key, channels, campaigns, converted, opportunity, value, Instant.ofEpochMilli(toInclusive));
    }
}
