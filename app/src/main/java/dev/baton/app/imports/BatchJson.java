package dev.baton.app.imports;

import dev.baton.app.json.Json;
import dev.baton.engine.batch.ImportBatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The documented JSON of an import batch (docs/api.md, "Import batches"), the same from the API and {@code baton imports list}. */
public final class BatchJson {

    private BatchJson() {
    }

    public static Map<String, Object> of(ImportBatch b) {
        return Json.ordered("id", b.id(), "kind", b.kind(), "file", b.file(), "importedBy", b.importedBy(),
                "importedAt", text(b.importedAt()), "modelVersion", b.modelVersion(), "model", b.model(),
                "events", b.events(), "items", b.items(), "newItems", b.newItems(),
                "firstAt", text(b.firstAt()), "asOf", text(b.lastAt()),
                "retracted", b.retracted(), "retractedBy", b.retractedBy(), "retractedAt", text(b.retractedAt()));
    }

    public static Map<String, Object> list(List<ImportBatch> batches) {
        return Json.ordered("batches", batches.stream().map(BatchJson::of).toList());
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
