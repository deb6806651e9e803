package dev.baton.engine.version;

import java.util.ArrayList;
import java.util.List;

/** Where model versions are kept: in memory here, a table in the app. */
public interface ModelVersionStore {

    /** Every stored version, oldest first. */
    List<StoredModelVersion> load();

    void save(StoredModelVersion version);

    /** The versions numbered after {@code number}, oldest first: those another process stored since. */
    default List<StoredModelVersion> loadAfter(int number) {
        return load().stream().filter(v -> v.number() > number).toList();
    }

    /** A store that forgets everything when the process ends. */
    static ModelVersionStore inMemory() {
        List<StoredModelVersion> versions = new ArrayList<>();
        return new ModelVersionStore() {
            @Override
            public synchronized List<StoredModelVersion> load() {
                return List.copyOf(versions);
            }

            @Override
            public synchronized void save(StoredModelVersion version) {
                versions.add(version);
            }
        };
    }
}
