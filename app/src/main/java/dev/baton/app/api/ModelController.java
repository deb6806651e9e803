package dev.baton.app.api;

import dev.baton.app.json.ModelJson;
import dev.baton.app.json.ProblemJson;
import dev.baton.app.security.BatonUser;
import dev.baton.engine.version.ModelUpload;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operating model: the current version (normalised JSON or the YAML as uploaded), every stored
 * version, and uploading a new one. An upload is validated first; an invalid one is refused with
 * every error and its line and column, and stores nothing. Items keep the version they were
 * created with, so an upload never changes the rules for work in flight.
 */
@RestController
@RequestMapping("/api/v1/model")
class ModelController {

    static final String YAML = "application/yaml";

    private final ModelVersions versions;

    ModelController(ModelVersions versions) {
        this.versions = versions;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> current() {
        return json(versions.current().orElseThrow(ModelController::noModel));
    }

    @GetMapping(produces = {YAML, "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    String currentSource() {
        return versions.current().orElseThrow(ModelController::noModel).source();
    }

    @GetMapping("/versions")
    List<Map<String, Object>> all() {
        return versions.all().stream().map(ModelController::summary).toList();
    }

    @GetMapping(path = "/versions/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> version(@PathVariable int number) {
        return json(versions.get(number).orElseThrow(() -> ApiException.notFound("no-such-model-version",
                "There is no model version " + number + "; GET /api/v1/model/versions lists them")));
    }

    @PutMapping(consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> upload(@RequestBody(required = false) String source,
                                               @AuthenticationPrincipal BatonUser user) {
        if (source == null || source.isBlank()) {
            throw ApiException.badRequest("invalid-input", "expected the model's YAML as the request body, found nothing");
        }
        ModelUpload upload = versions.upload("model.yaml", source, user.username());
        if (upload.refused()) {
            throw new ApiException(HttpStatus.CONFLICT, upload.refusal().code(), upload.refusal().detail())
                    .with("warnings", ProblemJson.problems(upload.report().warnings()));
        }
        if (!upload.accepted()) {
            List<dev.baton.model.problem.Problem> errors = upload.report().errors();
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-model", "The model has "
                    + errors.size() + (errors.size() == 1 ? " error" : " errors")
                    + "; nothing was stored. First: " + errors.get(0).format("model.yaml"))
                    .with("errors", ProblemJson.problems(errors))
                    .with("warnings", ProblemJson.problems(upload.report().warnings()));
        }
        Map<String, Object> body = summary(upload.version());
        body.put("unchanged", upload.unchanged());
        body.put("warnings", ProblemJson.problems(upload.report().warnings()));
        return ResponseEntity.status(upload.unchanged() ? HttpStatus.OK : HttpStatus.CREATED).body(body);
    }

    private static Map<String, Object> json(ModelVersion version) {
        Map<String, Object> body = summary(version);
        body.put("model", ModelJson.model(version.model()));
        return body;
    }

    private static Map<String, Object> summary(ModelVersion version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version.number());
        body.put("name", version.model().name());
        body.put("sha256", version.sha256());
        body.put("uploadedAt", version.uploadedAt().toString());
        body.put("uploadedBy", version.uploadedBy());
        return body;
    }

    private static ApiException noModel() {
        return ApiException.notFound("no-model", "No model has been uploaded yet: PUT its YAML to /api/v1/model "
                + "(or start with baton serve --model FILE)");
    }
}
