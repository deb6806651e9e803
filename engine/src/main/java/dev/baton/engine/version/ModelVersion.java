package dev.baton.engine.version;

import dev.baton.model.OperatingModel;
import java.time.Instant;

/**
 * One stored version of the operating model. Items keep the version they were created with, so
 * uploading a new model never breaks work in flight.
 *
 * @param number  1, 2, … in upload order
 * @param source  the YAML text as uploaded (kept so it can be shown and diffed)
 * @param sha256  hash of the source, to recognise an unchanged upload
 */
public record ModelVersion(int number, OperatingModel model, String source, String sha256, Instant uploadedAt,
                           String uploadedBy) {
}
