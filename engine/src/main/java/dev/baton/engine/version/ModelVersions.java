package dev.baton.engine.version;

import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The registry of operating-model versions. An upload is validated first and stored only when it
 * has no errors; uploading the current model again (same sha256) is recognised and stores
 * nothing. Items keep the version they were created with, so a new upload never breaks work in
 * flight. Thread-safe.
 */
public final class ModelVersions {

    private final ModelVersionStore store;
    private final Clock clock;
    private final List<ModelVersion> versions = new ArrayList<>();
    private final List<UploadGuard> guards = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ModelVersions(ModelVersionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        refresh();
    }

    /**
     * Learns the versions stored since this registry last looked: by another server on the same
     * database (docs/cluster.md). Cheap when there are none (one query).
     */
    public synchronized void refresh() {
        for (StoredModelVersion stored : store.loadAfter(versions.size())) {
            if (stored.number() != versions.size() + 1) {
                continue;
            }
            ValidationReport report = ModelValidation.validate("model version " + stored.number(), stored.source());
            if (report.model() == null) {
                throw new IllegalStateException("stored model version " + stored.number() + " can't be read");
            }
            versions.add(new ModelVersion(stored.number(), report.model(), stored.source(), stored.sha256(),
                    stored.uploadedAt(), stored.uploadedBy()));
        }
    }

    /** A registry in memory, empty at start. */
    public static ModelVersions inMemory(Clock clock) {
        return new ModelVersions(ModelVersionStore.inMemory(), clock);
    }

    /** Adds a check every later upload of a valid, changed model must pass before it is stored. */
    public void guard(UploadGuard guard) {
        guards.add(guard);
    }

    /**
     * Validates and stores a model; a valid, changed model a guard refuses is not stored
     * ({@link ModelUpload#refused}).
     *
     * @param file the name to give the text in problem reports ({@code b2b-saas.yaml})
     */
    public synchronized ModelUpload upload(String file, String source, String uploadedBy) {
        refresh();
        try {
            return uploadOnce(file, source, uploadedBy);
        } catch (RuntimeException e) {
            // Another server stored the same number meanwhile: number it after theirs, once.
            int known = versions.size();
            refresh();
            if (versions.size() == known) {
                throw e;
            }
            return uploadOnce(file, source, uploadedBy);
        }
    }

    private ModelUpload uploadOnce(String file, String source, String uploadedBy) {
        String sha = sha256(source);
        Optional<ModelVersion> current = current();
        ValidationReport report = ModelValidation.validate(file, source);
        if (!report.valid()) {
            return new ModelUpload(null, false, report);
        }
        if (current.isPresent() && current.get().sha256().equals(sha)) {
            return new ModelUpload(current.get(), true, report);
        }
        for (UploadGuard guard : guards) {
            Optional<ModelUpload.Refusal> refusal = guard.check(report.model(), current);
            if (refusal.isPresent()) {
                return new ModelUpload(null, false, report, refusal.get());
            }
        }
        StoredModelVersion stored = new StoredModelVersion(versions.size() + 1, source, sha,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), uploadedBy);
        store.save(stored);
        ModelVersion version = new ModelVersion(stored.number(), report.model(), source, sha, stored.uploadedAt(),
                uploadedBy);
        versions.add(version);
        return new ModelUpload(version, false, report);
    }

    public synchronized Optional<ModelVersion> current() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    public synchronized Optional<ModelVersion> get(int number) {
        if (number > versions.size()) {
            refresh(); // stored by another server, not heard of yet
        }
        return number >= 1 && number <= versions.size() ? Optional.of(versions.get(number - 1)) : Optional.empty();
    }

    /** Every version, oldest first. */
    public synchronized List<ModelVersion> all() {
        return List.copyOf(versions);
    }

    public static String sha256(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
