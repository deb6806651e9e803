package dev.baton.engine.version;

import java.time.Instant;

/** A model version as kept by a {@link ModelVersionStore}: the source text, not the parsed model. */
public record StoredModelVersion(int number, String source, String sha256, Instant uploadedAt, String uploadedBy) {
}
