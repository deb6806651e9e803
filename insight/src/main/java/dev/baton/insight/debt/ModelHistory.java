package dev.baton.insight.debt;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.model.OperatingModel;
import dev.baton.model.WorkType;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * The model versions a log's items ran under, and the current one. Each item is measured against
 * its own version (the {@code modelVersion} its events carry; after an {@code ItemMigrated}, the
 * version it moved to) for everything about its stages: allowed transitions, SLAs, gates,
 * handoffs, required fields, the alignment of its stages. What is about the team as it is now
 * (weights, WIP limit, capacity, core components, readiness and phases, the flows comparison, the
 * stages top actions name) reads the current version.
 *
 * <p>Imported history carries version 0: it was recorded by another tool, under no stored version.
 * It is measured against the current version unless {@link #importedBatches} says which version its
 * import batch was checked against (or {@link #importedAs}, by item). A version the history does
 * not hold is measured against the current one.
 */
public final class ModelHistory {

    private final NavigableMap<Integer, OperatingModel> versions;
    private final int current;
    private final boolean single;
    private final Map<Integer, Instant> since;
    private final ToIntFunction<String> imported;
    private final Map<String, Integer> batches;

    private ModelHistory(NavigableMap<Integer, OperatingModel> versions, int current, boolean single,
                         Map<Integer, Instant> since, ToIntFunction<String> imported, Map<String, Integer> batches) {
        this.versions = versions;
        this.current = current;
        this.single = single;
        this.since = since;
        this.imported = imported;
        this.batches = batches;
    }

    /** One model for every item, whatever version its events carry ({@code baton analyze --model}). */
    public static ModelHistory of(OperatingModel model) {
        return new ModelHistory(new TreeMap<>(Map.of(1, model)), 1, true, Map.of(), item -> 0, Map.of());
    }

    /**
     * Versions by number and the number of the current one, which must be among them.
     *
     * @throws IllegalArgumentException when {@code current} is not one of the versions
     */
    public static ModelHistory of(Map<Integer, OperatingModel> versions, int current) {
        if (!versions.containsKey(current)) {
            throw new IllegalArgumentException("the current version " + current + " is not among the versions "
                    + versions.keySet());
        }
        return new ModelHistory(new TreeMap<>(versions), current, false, Map.of(), item -> 0, Map.of());
    }

    /** When each version came into force (its upload), to mark model changes on the weekly trend. */
    public ModelHistory since(Map<Integer, Instant> uploadedAt) {
        return new ModelHistory(versions, current, single, Collections.unmodifiableMap(new LinkedHashMap<>(uploadedAt)),
                imported, batches);
    }

    /**
     * The hook for imported history: which version an imported item (events of version 0) ran
     * under, by its id; 0 (or a version not held) means the current version.
     */
    public ModelHistory importedAs(ToIntFunction<String> itemVersion) {
        return new ModelHistory(versions, current, single, since, itemVersion, batches);
    }

    /**
     * The model version each import batch was checked against ({@code BatchImported.modelVersion}),
     * by batch id: an imported event of such a batch is measured against that version.
     */
    public ModelHistory importedBatches(Map<String, Integer> batchVersions) {
        return new ModelHistory(versions, current, single, since, imported, Map.copyOf(batchVersions));
    }

    public OperatingModel current() {
        return versions.get(current);
    }

    public int currentVersion() {
        return current;
    }

    /** Whether one model stands for every version. */
    boolean single() {
        return single;
    }

    /** The version an event is measured against: its own, or for imported history its batch's. */
    public int resolve(RecordedEvent e) {
        if (!single && e.modelVersion() == 0 && e.batch() != null) {
            Integer version = batches.get(e.batch());
            if (version != null && versions.containsKey(version)) {
                return version;
            }
        }
        return resolve(e.stream(), e.modelVersion());
    }

    /** The version an item's event of a version is measured against. */
    public int resolve(String item, int eventVersion) {
        if (single) {
            return current;
        }
        int version = eventVersion == 0 ? imported.applyAsInt(item) : eventVersion;
        return versions.containsKey(version) ? version : current;
    }

    /** The model of a version (the current one for a version not held). */
    public OperatingModel model(int version) {
        OperatingModel model = versions.get(version);
        return model != null ? model : current();
    }

    /** The version numbers held, oldest first. */
    public java.util.Set<Integer> numbers() {
        return Collections.unmodifiableSet(versions.keySet());
    }

    /** When a version came into force, if known. */
    Optional<Instant> since(int version) {
        return Optional.ofNullable(since.get(version));
    }

    /** The newest version before the current one whose work type has the stage, or empty. */
    Optional<Integer> lastWith(String workType, String stage) {
        for (Integer v : versions.headMap(current, false).descendingKeySet()) {
            Optional<WorkType> w = versions.get(v).workType(workType);
            if (w.isPresent() && (stage == null || w.get().stage(stage).isPresent())) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
