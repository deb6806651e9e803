package dev.baton.app.api;

import dev.baton.app.imports.BatchJson;
import dev.baton.app.imports.ImportRefused;
import dev.baton.app.imports.ImportSummary;
import dev.baton.app.imports.ImportUpload;
import dev.baton.app.imports.ServerBatches;
import dev.baton.app.imports.ServerImports;
import dev.baton.app.json.Json;
import dev.baton.app.json.ProblemJson;
import dev.baton.app.security.BatonUser;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventCodec;
import dev.baton.model.problem.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports through the API: the same importers and mapping as {@code baton import}, as an upload.
 * A preview reads everything and stores nothing; an import stores the events not yet in the log,
 * all or nothing, as one batch that can be retracted. Ops and admins only (SecurityConfig), except the
 * list of batches, which every signed-in user may read.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    private static final EventCodec CODEC = new EventCodec();

    private final ServerImports imports;
    private final ServerBatches batches;

    ImportController(ServerImports imports, ServerBatches batches) {
        this.imports = imports;
        this.batches = batches;
    }

    @PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> preview(
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "file", required = false) List<MultipartFile> file,
            @RequestParam(name = "mapping", required = false) MultipartFile mapping,
            HttpServletRequest request) throws IOException {
        return withUpload(kind, file, mapping, request, upload -> json(imports.preview(upload)));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> store(
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "file", required = false) List<MultipartFile> file,
            @RequestParam(name = "mapping", required = false) MultipartFile mapping,
            @AuthenticationPrincipal BatonUser user, HttpServletRequest request) throws IOException {
        ImportSummary summary = withUpload(kind, file, mapping, request, upload -> imports.store(upload, user.personId()));
        return ResponseEntity.status(summary.events() > 0 ? HttpStatus.CREATED : HttpStatus.OK).body(json(summary));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> batches() {
        return BatchJson.list(batches.list());
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> batch(@PathVariable String id) {
        return BatchJson.of(batches.get(id).orElseThrow(() -> problem(ServerBatches.unknown(id))));
    }

    @PostMapping(path = "/{id}/retract", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> retract(@PathVariable String id, @AuthenticationPrincipal BatonUser user) {
        try {
            return BatchJson.of(batches.retract(id, user.personId()));
        } catch (ImportRefused e) {
            throw problem(e);
        }
    }

    @PostMapping(path = "/suggest-mapping", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = "application/yaml")
    String suggest(@RequestParam(name = "kind", required = false) String kind,
                   @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        return withUpload(kind, file == null ? List.of() : List.of(file), null, null, imports::suggestMapping);
    }

    /** An upload refused as a problem detail: what was wrong and where, every mapping error at its line. */
    private static ApiException problem(ImportRefused e) {
        ApiException problem = new ApiException(HttpStatus.valueOf(e.reason().status()), e.reason().code(), e.getMessage());
        if (e.where() != null) {
            problem.with("where", e.where());
        }
        if (!e.problems().isEmpty()) {
            problem.with("errors", ProblemJson.problems(e.problems().stream().filter(Problem::isError).toList()));
            problem.with("warnings", ProblemJson.problems(e.problems().stream().filter(p -> !p.isError()).toList()));
        }
        if (!e.streams().isEmpty()) {
            problem.with("items", e.streams());
        }
        if (e.reason() == ImportRefused.Reason.UNKNOWN_KIND) {
            problem.with("kinds", ServerImports.kinds());
        }
        return problem;
    }

    /** Runs the action on the upload; a refusal becomes a problem detail. */
    private <T> T withUpload(String kind, List<MultipartFile> file, MultipartFile mapping, HttpServletRequest request,
                             Function<ImportUpload, T> action) throws IOException {
        String mappingText = mapping != null && !mapping.isEmpty()
                ? new String(mapping.getBytes(), StandardCharsets.UTF_8)
                : request == null ? null : request.getParameter("mapping");
        try {
            return imports.received(kind, file, mappingText, action);
        } catch (ImportRefused e) {
            throw problem(e);
        }
    }

    /** The documented JSON of a preview or an import (docs/api.md, "Imports"). */
    static Map<String, Object> json(ImportSummary s) {
        return Json.ordered("stored", s.stored(), "batch", s.batch() == null ? null : BatchJson.of(s.batch()),
                "kind", s.kind(), "file", s.fileName(), "modelVersion", s.modelVersion(),
                "changesRead", s.report().changesRead(), "events", s.events(), "alreadyPresent", s.alreadyPresent(),
                "items", s.report().items(), "newItems", s.report().newItems(), "eventsByType", s.eventsByType(),
                "workTypes", s.workTypes().stream().map(w -> Json.ordered("workType", w.workType(), "items", w.items(),
                        "inModel", w.inModel())).toList(),
                "stages", s.stages().stream().map(st -> Json.ordered("workType", st.workType(), "stage", st.stage(),
                        "events", st.events(), "inModel", st.inModel())).toList(),
                "unmapped", s.unmapped().stream().map(u -> Json.ordered("category", u.category(), "value", u.value(),
                        "count", u.count(), "key", u.key(), "hint", u.hint())).toList(),
                "skipped", s.report().skipped(),
                "notes", s.report().notes().stream().map(n -> Json.ordered("code", n.code(), "message", n.message(),
                        "count", n.count())).toList(),
                "oddities", s.report().oddities().stream().map(w -> Json.ordered("code", w.code(), "message", w.message(),
                        "count", w.count(), "examples", w.examples())).toList(),
                "warnings", s.warnings(), "mappingWarnings", ProblemJson.problems(s.mappingWarnings()),
                "sample", sample(s.sample()));
    }

    private static List<ObjectNode> sample(List<RecordedEvent> events) {
        // Positions are given when the events are stored: a preview's would mean nothing.
        return events.stream().map(e -> {
            ObjectNode node = CODEC.toJson(e);
            node.remove("position");
            return node;
        }).toList();
    }
}
