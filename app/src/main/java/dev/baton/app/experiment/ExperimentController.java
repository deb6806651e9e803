package dev.baton.app.experiment;

import dev.baton.app.api.ApiException;
import dev.baton.app.api.CommandResults;
import dev.baton.app.security.BatonUser;
import dev.baton.engine.Actor;
import dev.baton.engine.Engine;
import dev.baton.engine.item.WorkItemId;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Experiment results through the API (docs/experiments.md): upload a unit-level CSV, a stats file or
 * a GrowthBook / Optimizely export onto an experiment item (multipart, or the file as the body), read
 * the latest upload analysed, and the experimentation rhythm. A file that cannot be read is a 422
 * problem with the readers' {@code file:line:col} messages, and nothing is recorded.
 */
@RestController
class ExperimentController {

    private final Engine engine;
    private final ExperimentUploads uploads;
    private final StoredResults stored;
    private final Rhythms rhythms;

    ExperimentController(Engine engine, ExperimentUploads uploads, StoredResults stored, Rhythms rhythms) {
        this.engine = engine;
        this.uploads = uploads;
        this.stored = stored;
        this.rhythms = rhythms;
    }

    @PostMapping(path = "/api/v1/items/{id}/experiment-results", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> uploadForm(@PathVariable String id,
                                                   @RequestParam(name = "file", required = false) MultipartFile file,
                                                   @RequestParam(name = "format", required = false) String format,
                                                   @RequestParam(name = "method", required = false) String method,
                                                   @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                   @AuthenticationPrincipal BatonUser user) throws IOException {
        if (file == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-upload",
                    "expected the results as the multipart part 'file', found none");
        }
        return record(id, format, file.getOriginalFilename(), file.getBytes(), method, key, user);
    }

    @PostMapping(path = "/api/v1/items/{id}/experiment-results",
            consumes = {"text/csv", "text/plain", "application/yaml", "application/x-yaml"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> uploadBody(@PathVariable String id, @RequestBody(required = false) byte[] body,
                                                   @RequestParam(name = "format", required = false) String format,
                                                   @RequestParam(name = "method", required = false) String method,
                                                   @RequestParam(name = "file", required = false) String fileName,
                                                   @RequestHeader(name = "Content-Type", required = false) String type,
                                                   @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                   @AuthenticationPrincipal BatonUser user) {
        String kind = format != null ? format : type != null && type.contains("yaml") ? "stats" : null;
        return record(id, kind, fileName == null ? "upload" : fileName, body == null ? new byte[0] : body, method, key, user);
    }

    private ResponseEntity<Map<String, Object>> record(String id, String format, String file, byte[] bytes, String method,
                                                       String key, BatonUser user) {
        try {
            CommandResults.recorded(uploads.record(new WorkItemId(id), key, new Actor(user.personId()), format, file, bytes,
                    method));
        } catch (ExperimentUploads.Refused e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-upload", e.getMessage())
                    .with("errors", e.lines().stream().map(l -> Map.of("message", l)).toList());
        }
        StoredResults.Upload latest = stored.latest(id).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/items/" + id + "/experiment-results"))
                .body(ExperimentView.of(latest).json());
    }

    @GetMapping(path = "/api/v1/items/{id}/experiment-results", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> analysis(@PathVariable String id) {
        if (engine.item(new WorkItemId(id)).isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "There is no work item '" + id + "'");
        }
        StoredResults.Upload latest = stored.latest(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "no-results", "No results have been recorded on '" + id + "' yet; upload them first"));
        return ExperimentView.of(latest).json();
    }

    @GetMapping(path = "/api/v1/experiments/rhythm", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> rhythm() {
        return ExperimentView.rhythm(rhythms.measure());
    }
}
