package dev.baton.engine.version;

import dev.baton.model.OperatingModel;
import java.util.Optional;

/**
 * A check a valid model must pass before it is stored, for data kept beside the model that the new
 * version would no longer read (the outcome exports read through its {@code funnel:} section). Run
 * inside the registry's lock by every upload, whichever path it comes by (the API, the upload page,
 * the model editor, an accepted model change, the server's start).
 */
@FunctionalInterface
public interface UploadGuard {

    /** Why {@code next} must not be stored after {@code current}, or empty when it may. */
    Optional<ModelUpload.Refusal> check(OperatingModel next, Optional<ModelVersion> current);
}
