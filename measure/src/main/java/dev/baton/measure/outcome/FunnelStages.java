package dev.baton.measure.outcome;

import dev.baton.model.FunnelSettings;
import dev.baton.model.FunnelStage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The funnel's stages in order (Lead → MQL → SQL → opportunity → won by default) and what each CRM
 * value means among them. The last stage is "won"; {@code opportunity} names the stage an
 * opportunity enters when it is created; {@code handoffFrom} and {@code handoffTo} the lead handoff
 * from marketing to sales (MQL → SQL). Values are matched exactly, then ignoring case.
 *
 * <p>The operating model's {@code funnel:} section declares them ({@link #of}); without one, the
 * mapping file's {@code funnel.stages} or the defaults.
 */
public final class FunnelStages {

    public static final List<String> DEFAULT = List.of("lead", "mql", "sql", "opportunity", "won");
    public static final String LOST = "lost";
    public static final String REJECTED = "rejected";

    private final List<String> ids;
    private final int opportunity;
    private final int handoffFrom;
    private final int handoffTo;
    private final Map<String, StageRef> values = new LinkedHashMap<>();
    private final Map<String, String> overrides;

    /**
     * @param overrides CRM value → stage id, {@code lost} or {@code rejected}; they win over the
     *                  built-in Salesforce and HubSpot defaults
     */
    public FunnelStages(List<String> ids, String opportunity, String handoffFrom, String handoffTo,
                        Map<String, String> overrides) {
        this.ids = List.copyOf(ids);
        this.opportunity = indexOrThrow(opportunity);
        this.handoffFrom = indexOrThrow(handoffFrom);
        this.handoffTo = indexOrThrow(handoffTo);
        this.overrides = Map.copyOf(overrides);
        for (String id : ids) {
            put(id, id);
        }
        if (ids.equals(DEFAULT)) {
            DefaultStages.VALUES.forEach(this::put);
        } else {
            // Custom stages: only the values that name an outcome, or a default stage kept in the list.
            DefaultStages.VALUES.forEach((value, stage) -> {
                if (stage.equals(LOST) || stage.equals(REJECTED) || ids.contains(stage)) {
                    put(value, stage);
                }
            });
        }
        overrides.forEach(this::put);
    }

    /**
     * The funnel an operating model declares ({@code funnel:}, docs/model-reference.md): its stages,
     * what each is recognised by, and the opportunity and handoff stages ({@code opportunity}, {@code
     * mql}, {@code sql} when not named). The CRM values of {@code overrides} that name one of its
     * stages, {@code lost} or {@code rejected} apply after the model's.
     */
    public static FunnelStages of(FunnelSettings model, Map<String, String> overrides) {
        List<String> ids = model.ids();
        Map<String, String> values = new LinkedHashMap<>();
        for (FunnelStage stage : model.stages()) {
            stage.statuses().forEach(v -> values.put(v, stage.id()));
            stage.opportunityStages().forEach(v -> values.put(v, stage.id()));
        }
        model.lost().forEach(v -> values.put(v, LOST));
        model.rejected().forEach(v -> values.put(v, REJECTED));
        overrides.forEach((value, stage) -> {
            if (stage.equals(LOST) || stage.equals(REJECTED) || ids.contains(stage)) {
                values.put(value, stage);
            }
        });
        return new FunnelStages(ids, model.opportunity() != null ? model.opportunity() : "opportunity",
                model.handoffFrom() != null ? model.handoffFrom() : "mql",
                model.handoffTo() != null ? model.handoffTo() : "sql", values);
    }

    /** The CRM values this funnel was given beyond its built-in defaults: value → stage id, lost or rejected. */
    public Map<String, String> overrides() {
        return overrides;
    }

    /** Equal when built from the same stages and values (what a reading of exports depends on). */
    @Override
    public boolean equals(Object o) {
        return o instanceof FunnelStages f && f.ids.equals(ids) && f.opportunity == opportunity
                && f.handoffFrom == handoffFrom && f.handoffTo == handoffTo && f.overrides.equals(overrides);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(ids, opportunity, handoffFrom, handoffTo, overrides);
    }

    public static FunnelStages defaults() {
        return new FunnelStages(DEFAULT, "opportunity", "mql", "sql", Map.of());
    }

    private int indexOrThrow(String id) {
        int i = ids.indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("expected one of the funnel stages " + ids + ", found '" + id + "'");
        }
        return i;
    }

    private void put(String value, String stage) {
        StageRef ref = switch (stage) {
            case LOST -> new StageRef(StageRef.Kind.LOST, opportunity, false);
            case REJECTED -> new StageRef(StageRef.Kind.REJECTED, handoffFrom, false);
            default -> StageRef.reached(ids.indexOf(stage), ids.indexOf(stage) == ids.size() - 1);
        };
        values.put(value, ref);
        values.put(value.toLowerCase(Locale.ROOT), ref);
    }

    /** What a CRM value means, or empty for a value neither the stages nor the mapping know. */
    public Optional<StageRef> of(String value) {
        StageRef exact = values.get(value);
        return Optional.ofNullable(exact != null ? exact : values.get(value.toLowerCase(Locale.ROOT)));
    }

    public List<String> ids() {
        return ids;
    }

    public int size() {
        return ids.size();
    }

    public String id(int index) {
        return ids.get(index);
    }

    public int indexOf(String id) {
        return ids.indexOf(id);
    }

    public int opportunity() {
        return opportunity;
    }

    public int won() {
        return ids.size() - 1;
    }

    public int handoffFrom() {
        return handoffFrom;
    }

    public int handoffTo() {
        return handoffTo;
    }
}
