package dev.baton.app.outcome;

import dev.baton.app.imports.ImportRefused.Reason;
import dev.baton.app.api.ApiException;
import dev.baton.app.json.Json;
import dev.baton.measure.metric.MetricJson;
import dev.baton.engine.version.ModelVersions;
import dev.baton.model.OperatingModel;
import dev.baton.app.json.ProblemJson;
import dev.baton.app.security.BatonUser;
import dev.baton.measure.crm.CrmProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Outcomes through the API (docs/outcomes.md, "On the server"): CRM exports and touchpoint files
 * imported beside the work event log (ops and admins), the funnel and attribution by every model
 * over what is stored (every signed-in user).
 */
@RestController
@RequestMapping("/api/v1/outcomes")
class OutcomeController {

    private final OutcomeImports imports;
    private final OutcomeReports reports;
    private final ModelVersions versions;
    private final CampaignOutcomes campaigns;

    OutcomeController(OutcomeImports imports, OutcomeReports reports, ModelVersions versions, CampaignOutcomes campaigns) {
        this.campaigns = campaigns;
        this.imports = imports;
        this.reports = reports;
        this.versions = versions;
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> store(@RequestParam(name = "kind", required = false) String kind,
                                              @RequestParam(name = "file", required = false) MultipartFile file,
                                              @RequestParam(name = "mapping", required = false) MultipartFile mapping,
                                              @AuthenticationPrincipal BatonUser user) throws IOException {
        String mappingText = mapping == null || mapping.isEmpty() ? null : new String(mapping.getBytes(), StandardCharsets.UTF_8);
        try {
            OutcomeImports.Imported done = imports.store(kind, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(), mappingText, user.personId());
            return ResponseEntity.status(done.changed() ? HttpStatus.CREATED : HttpStatus.OK).body(json(done));
        } catch (OutcomeRefused e) {
            throw problem(e);
        }
    }

    @GetMapping(path = "/imports", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> batches() {
        return Json.ordered("batches", imports.stored().batches().stream().map(OutcomeController::batch).toList());
    }

    @GetMapping(path = "/funnel", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> funnel(@RequestParam(name = "by", required = false, defaultValue = "campaign") String by) {
        if (!OutcomeReports.BY.contains(by)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-input", "by: expected one of "
                    + String.join(", ", OutcomeReports.BY) + ", found '" + by + "'").with("where", "by");
        }
        OutcomeImports.Stored stored = present();
        return reports.funnelJson(stored, by, campaigns.relabel(stored, by, versions.current()));
    }

    @GetMapping(path = "/attribution", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> attribution() {
        return reports.attributionJson(present());
    }

    @GetMapping(path = "/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> metrics() {
        OutcomeImports.Stored stored = present();
        OperatingModel model = versions.current().orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no-model",
                "No model has been uploaded yet: its metrics say what to measure; PUT its YAML to /api/v1/model")).model();
        return MetricJson.report(reports.metrics(stored, model));
    }

    private OutcomeImports.Stored present() {
        OutcomeImports.Stored stored = reports.stored();
        if (stored.unreadable() != null) {
            throw new ApiException(HttpStatus.CONFLICT, "stored-exports-unreadable", stored.unreadable());
        }
        if (stored.empty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "no-outcome-data", "No outcome data is stored yet: import a CRM "
                    + "export or a touchpoint file with POST /api/v1/outcomes/imports or on the Import page.");
        }
        return stored;
    }

    static Map<String, Object> batch(OutcomeBatch b) {
        return Json.ordered("id", b.id(), "kind", b.kind(), "source", b.source(), "file", b.fileName(), "rows", b.rows(),
                "contentHash", b.contentHash(), "importedBy", b.importedBy(), "importedAt", b.importedAt().toString(),
                "withMapping", b.hasMapping());
    }

    private static Map<String, Object> json(OutcomeImports.Imported done) {
        return Json.ordered("changed", done.changed(), "batch", batch(done.batch()),
                "replaced", done.replaced() == null ? null : done.replaced().id(),
                "inputs", done.files().stream().map(f -> Json.ordered("file", f.name(), "kind", f.kind().id(), "rows", f.rows()))
                        .toList(),
                "notes", done.notes());
    }

    private static ApiException problem(OutcomeRefused e) {
        ApiException problem = new ApiException(HttpStatus.valueOf(e.reason().status()), e.reason().code(), e.getMessage());
        if (!e.problems().isEmpty()) {
            List<CrmProblem> first = e.problems().stream().limit(200).toList();
            problem.with("errors", first.stream().map(p -> Json.ordered("file", p.file(), "line", p.line(), "column",
                    p.column(), "message", p.message(), "text", p.format())).toList());
            problem.with("where", first.get(0).file() + ":" + first.get(0).line() + ":" + first.get(0).column());
        }
        if (!e.mappingProblems().isEmpty()) {
            problem.with("errors", ProblemJson.problems(e.mappingProblems()));
        }
        if (e.reason() == Reason.UNKNOWN_KIND) {
            problem.with("kinds", OutcomeImports.kinds().stream().map(k -> k.id()).toList());
        }
        return problem;
    }
}
