package dev.baton.app.store;

import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.insight.debt.ModelHistory;
import dev.baton.model.OperatingModel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The server's model history for the debt analysis: every stored version, each dated by its
 * upload, and imported history against the version its import batch was checked against
 * ({@code import_batches.model_version}), so every debt figure of the server measures an item
 * against the version it ran under.
 */
public final class ModelHistories {

    private ModelHistories() {
    }

    public static ModelHistory of(ModelVersions versions, JdbcTemplate jdbc, ModelVersion current) {
        Map<Integer, OperatingModel> models = new LinkedHashMap<>();
        Map<Integer, Instant> uploaded = new LinkedHashMap<>();
        for (ModelVersion v : versions.all()) {
            models.put(v.number(), v.model());
            uploaded.put(v.number(), v.uploadedAt());
        }
        Map<String, Integer> batches = new LinkedHashMap<>();
        jdbc.query("select id, model_version from import_batches where model_version is not null",
                rs -> {
                    batches.put(rs.getString(1), rs.getInt(2));
                });
        return ModelHistory.of(models, current.number()).since(uploaded).importedBatches(batches);
    }
}
