package dev.baton.insight.simulation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a simulation actually injected, counted while the events were written: the realised rates
 * that {@code baton analyze} is expected to recover (they differ from the requested rates by
 * chance, and where a work type cannot carry a kind of debt).
 */
public final class SimulationTruth {

    long items;
    long events;
    long requests;
    long requestsDeclined;
    long requestsDeferred;
    long itemsSkipping;
    long itemsReworked;
    long itemsUrgent;
    long itemsUnowned;
    long itemsWithoutGoal;
    long handoffs;
    long handoffsBounced;
    long slaVisits;
    long slaVisitsOver;
    double capacityScale = 1;
    long firstEpochSecond = Long.MAX_VALUE;
    long lastEpochSecond = Long.MIN_VALUE;

    public long items() {
        return items;
    }

    public long events() {
        return events;
    }

    /** When the last event happened (the end of the simulated history), or null when none did. */
    public java.time.Instant lastEvent() {
        return events == 0 ? null : java.time.Instant.ofEpochSecond(lastEpochSecond);
    }

    public double skipRate() {
        return share(itemsSkipping, items);
    }

    public double reworkRate() {
        return share(itemsReworked, items);
    }

    public double urgentRate() {
        return share(itemsUrgent, items);
    }

    public double unownedRate() {
        return share(itemsUnowned, items);
    }

    public double noGoalRate() {
        return share(itemsWithoutGoal, items);
    }

    /** Handoffs rejected at least once, over handoffs sent. */
    public double bounceRate() {
        return share(handoffsBounced, handoffs);
    }

    /** Visits of stages with an SLA that took longer, over all such visits. */
    public double slaOverrunRate() {
        return share(slaVisitsOver, slaVisits);
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /** The figures by name, in a stable order, for {@code --truth FILE.json}. */
    public Map<String, Object> toMap(SimulationSettings settings) {
        Map<String, Object> requested = new LinkedHashMap<>();
        DebtRates r = settings.rates();
        requested.put("skipRate", r.skip());
        requested.put("reworkRate", r.rework());
        requested.put("urgentRate", r.urgent());
        requested.put("bounceRate", r.bounce());
        requested.put("slaOverrunRate", r.slaOverrun());
        requested.put("slaOverrunFactor", r.slaOverrunFactor());
        requested.put("slaOverrunSigma", r.slaOverrunSigma());
        requested.put("unownedRate", r.unowned());
        requested.put("noGoalRate", r.noGoal());
        Map<String, Object> realised = new LinkedHashMap<>();
        realised.put("skipRate", skipRate());
        realised.put("reworkRate", reworkRate());
        realised.put("urgentRate", urgentRate());
        realised.put("bounceRate", bounceRate());
        realised.put("slaOverrunRate", slaOverrunRate());
        realised.put("unownedRate", unownedRate());
        realised.put("noGoalRate", noGoalRate());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("items", items);
        counts.put("requests", requests);
        counts.put("requestsDeclined", requestsDeclined);
        counts.put("requestsDeferred", requestsDeferred);
        counts.put("events", events);
        counts.put("itemsSkipping", itemsSkipping);
        counts.put("itemsReworked", itemsReworked);
        counts.put("itemsUrgent", itemsUrgent);
        counts.put("itemsUnowned", itemsUnowned);
        counts.put("itemsWithoutGoal", itemsWithoutGoal);
        counts.put("handoffs", handoffs);
        counts.put("handoffsBounced", handoffsBounced);
        counts.put("slaVisits", slaVisits);
        counts.put("slaVisitsOver", slaVisitsOver);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("seed", settings.seed());
        map.put("items", settings.items());
        map.put("start", String.valueOf(settings.start()));
        map.put("weeks", settings.weeks());
        map.put("capacityScale", capacityScale);
        map.put("requested", requested);
        map.put("realised", realised);
        map.put("counts", counts);
        if (events > 0) {
            map.put("firstEvent", java.time.Instant.ofEpochSecond(firstEpochSecond).toString());
            map.put("lastEvent", java.time.Instant.ofEpochSecond(lastEpochSecond).toString());
        }
        return map;
    }
}
