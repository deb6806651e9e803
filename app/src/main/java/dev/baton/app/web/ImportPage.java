package dev.baton.app.web;

import dev.baton.app.imports.ImportRefused;
import dev.baton.app.outcome.OutcomeImports;
import dev.baton.app.outcome.OutcomeRefused;
import dev.baton.app.imports.ImportSummary;
import dev.baton.app.imports.ImportUpload;
import dev.baton.app.imports.ServerBatches;
import dev.baton.app.imports.ServerImports;
import dev.baton.app.security.BatonUser;
import dev.baton.engine.batch.ImportBatch;
import dev.baton.engine.rights.Names;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.model.OperatingModel;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Import page: pick the kind, upload an export and optionally a mapping, preview what would be
 * stored (counts, mapped stages, unmapped values with the mapping key that covers them, the first
 * events), let the file's own values suggest a starter mapping, then import; below, the batches
 * imported so far, each of which can be retracted after a confirm step. The same
 * {@link ServerImports} as {@code POST /api/v1/imports}. With htmx the form stays as it is (the
 * chosen files too) and only the result and the errors next to the fields change; without
 * JavaScript each button posts the form and the page comes back whole.
 */
@Controller
class ImportPage {

    /** What each kind reads, for the kind picker. */
    static final Map<String, String> KINDS = Map.of(
            "jira-json", "Jira REST search results with changelog (JSON)",
            "jira-csv", "Jira issue navigator export (CSV, all fields)",
            "asana-json", "Asana tasks with their stories (JSON)",
            "trello-json", "Trello board export with actions (JSON)",
            "gitlab-events", "GitLab resource label and state events (JSON)",
            "github-events", "GitHub issue events or timelines (JSON)",
            "csv", "Any event table: case, activity, timestamp (CSV)",
            "xes", "IEEE XES event log (.xes, .xes.gz)",
            "ocel", "OCEL 2.0 object-centric log (JSON)",
            "calendar", "Calendars: one or several iCalendar files (.ics), attendees mapped by the people section");

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ServerImports imports;
    private final ServerBatches batches;
    private final ModelVersions versions;
    private final OutcomeImports outcomes;

    ImportPage(ServerImports imports, ServerBatches batches, ModelVersions versions, OutcomeImports outcomes) {
        this.imports = imports;
        this.batches = batches;
        this.versions = versions;
        this.outcomes = outcomes;
    }

    /** An import batch as a row of the page's table; times in UTC to the minute. */
    record BatchRow(String id, String importedAt, String importedBy, String kind, String file, long events, long items,
                    long newItems, String firstAt, String asOf, boolean retracted, String retractedAt, String retractedBy,
                    String modelVersion) {
    }

    record KindOption(String id, String label) {
    }

    /** A sample event as a row: when, which item, what happened, by whom. */
    record SampleRow(String at, String item, String type, String workType, String actor, String sentence) {
    }

    @GetMapping("/import")
    String show(Model page) {
        form(page, "jira-json", null);
        return "import";
    }

    @PostMapping("/import/preview")
    String preview(@RequestParam(required = false) String kind, @RequestParam(required = false) List<MultipartFile> file,
                   @RequestParam(required = false) String mapping,
                   @RequestParam(name = "mappingFile", required = false) MultipartFile mappingFile,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Model page,
                   HttpServletResponse response) throws IOException {
        return run(kind, file, mapping, mappingFile, htmx, page, response, imports::preview, null);
    }

    @PostMapping("/import")
    String store(@RequestParam(required = false) String kind, @RequestParam(required = false) List<MultipartFile> file,
                 @RequestParam(required = false) String mapping,
                 @RequestParam(name = "mappingFile", required = false) MultipartFile mappingFile,
                 @RequestHeader(name = "HX-Request", required = false) String htmx, Model page,
                 @AuthenticationPrincipal BatonUser user, HttpServletResponse response) throws IOException {
        return run(kind, file, mapping, mappingFile, htmx, page, response, upload -> imports.store(upload, user.personId()),
                user.personId());
    }

    /** The confirm step of a retraction: what the batch holds and what retracting it does; nothing changes yet. */
    @GetMapping("/import/batches/{id}/retract")
    String confirmRetract(@PathVariable String id, Model page) {
        ImportBatch batch = batches.get(id).orElseThrow(() -> new PageAdvice.NotFound("There is no import batch '" + id
                + "'; the Import page lists them."));
        page.addAttribute("b", row(batch));
        return "import-retract";
    }

    /** Retracts a batch and goes back to the Import page, which says what changed (or why nothing did). */
    @PostMapping("/import/batches/{id}/retract")
    String retract(@PathVariable String id, @AuthenticationPrincipal BatonUser user, RedirectAttributes flash) {
        try {
            ImportBatch batch = batches.retract(id, user.personId());
            flash.addFlashAttribute("flash", "Retracted batch " + batch.id() + " (" + batch.file() + "): its "
                    + batch.events() + " events of " + batch.items() + " items are left out of the debt dashboard, the "
                    + "event feed and the imported items' pages from now on. Import the file again to add them back.");
        } catch (ImportRefused e) {
            if (e.reason() == ImportRefused.Reason.UNKNOWN_BATCH) {
                throw new PageAdvice.NotFound(e.getMessage());
            }
            flash.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/import#import-batches";
    }

    @PostMapping("/import/suggest")
    String suggest(@RequestParam(required = false) String kind, @RequestParam(required = false) MultipartFile file,
                   @RequestParam(required = false) String mapping,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Model page,
                   HttpServletResponse response) throws IOException {
        form(page, kind, mapping);
        page.addAttribute("oob", htmx != null);
        page.addAttribute("resultOob", htmx != null);
        try {
            String suggested = imports.received(kind, file, null, imports::suggestMapping);
            page.addAttribute("mapping", suggested);
            page.addAttribute("suggested", true);
        } catch (ImportRefused e) {
            refused(page, response, e);
        }
        return htmx == null ? "import" : "import :: suggested";
    }

    private String run(String kind, List<MultipartFile> file, String mapping, MultipartFile mappingFile, String htmx,
                       Model page, HttpServletResponse response, Function<ImportUpload, ImportSummary> action,
                       String who) throws IOException {
        String mappingText = mapping != null && !mapping.isBlank() ? mapping
                : mappingFile != null && !mappingFile.isEmpty() ? new String(mappingFile.getBytes(), StandardCharsets.UTF_8)
                : null;
        form(page, kind, mappingText);
        page.addAttribute("oob", htmx != null);
        if (outcomes.isKind(kind)) {
            return outcome(kind, file, mappingText, who, htmx, page, response);
        }
        try {
            ImportSummary summary = imports.received(kind, file, mappingText, action);
            page.addAttribute("summary", summary);
            // An import adds a batch to the table (swapped in out of band with htmx).
            page.addAttribute("batches", batches.list().stream().map(this::row).toList());
            page.addAttribute("sample", sample(summary));
        } catch (ImportRefused e) {
            refused(page, response, e);
        }
        return htmx == null ? "import" : "import :: response";
    }

    /**
     * An outcome export (a CRM report or touchpoint file): previewed ({@code who} null) or stored
     * beside the event log by {@link OutcomeImports}; a bad one stores nothing and lists every
     * problem at its file:line:col.
     */
    private String outcome(String kind, List<MultipartFile> files, String mapping, String who, String htmx, Model page,
                           HttpServletResponse response) throws IOException {
        MultipartFile file = files == null || files.isEmpty() ? null : files.get(0);
        try {
            String name = file == null ? null : file.getOriginalFilename();
            byte[] bytes = file == null ? null : file.getBytes();
            OutcomeImports.Imported done = who == null ? outcomes.preview(kind, name, bytes, mapping, "preview")
                    : outcomes.store(kind, name, bytes, mapping, who);
            page.addAttribute("outcome", done);
            page.addAttribute("outcomeStored", who != null);
        } catch (OutcomeRefused e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            page.addAttribute("problem", e.getMessage());
            page.addAttribute("outcomeProblems", e.problems().stream().limit(50).map(p -> p.format()).toList());
            page.addAttribute("outcomeMoreProblems", Math.max(0, e.problems().size() - 50));
            switch (e.reason()) {
                case UNKNOWN_KIND -> page.addAttribute("kindError", e.getMessage());
                case INVALID_MAPPING -> {
                    page.addAttribute("mappingError", e.getMessage());
                    page.addAttribute("mappingProblems", ModelPage.problems(e.mappingProblems()));
                }
                default -> page.addAttribute("fileError", e.getMessage());
            }
        }
        page.addAttribute("outcomeBatches", outcomes.batches());
        return htmx == null ? "import" : "import :: response";
    }

    private void form(Model page, String kind, String mapping) {
        List<KindOption> kinds = new java.util.ArrayList<>(ServerImports.kinds().stream()
                .map(k -> new KindOption(k, k + " — " + KINDS.getOrDefault(k, k))).toList());
        OutcomeImports.kinds().forEach(k -> kinds.add(new KindOption(k.id(), k.id() + " — outcomes: "
                + k.label() + " (CSV)")));
        page.addAttribute("kinds", kinds);
        page.addAttribute("outcomeBatches", outcomes.batches());
        page.addAttribute("kind", kind == null ? "jira-json" : kind);
        page.addAttribute("mapping", mapping);
        page.addAttribute("maxBytes", imports.maxUpload().toBytes());
        page.addAttribute("maxUpload", imports.maxUpload().toMegabytes() + " MB");
        page.addAttribute("oob", false);
        page.addAttribute("resultOob", false);
        page.addAttribute("batches", batches.list().stream().map(this::row).toList());
    }

    private BatchRow row(ImportBatch b) {
        ModelVersion current = versions.current().orElse(null);
        return new BatchRow(b.id(), minutes(b.importedAt()), person(current, b.importedBy()),
                b.kind() == null ? "-" : b.kind(), b.file() == null ? "(imported before batches were recorded)" : b.file(),
                b.events(), b.items(), b.newItems(), minutes(b.firstAt()), minutes(b.lastAt()), b.retracted(),
                minutes(b.retractedAt()), b.retractedBy() == null ? null : person(current, b.retractedBy()),
                b.modelVersion() == null ? "-" : String.valueOf(b.modelVersion()));
    }

    private static String person(ModelVersion current, String id) {
        return current == null || id == null ? id : Names.person(current.model(), id);
    }

    private static String minutes(java.time.Instant at) {
        return at == null ? "-" : MINUTES.format(at);
    }

    /**
     * A refused upload: the message goes next to the field at fault (the kind, the file or the
     * mapping, with each mapping problem at its line). 422 for all, so that htmx shows it in place.
     */
    private static void refused(Model page, HttpServletResponse response, ImportRefused e) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        page.addAttribute("problem", e.getMessage());
        switch (e.reason()) {
            case UNKNOWN_KIND -> page.addAttribute("kindError", e.getMessage());
            case INVALID_MAPPING -> {
                page.addAttribute("mappingError", e.getMessage());
                page.addAttribute("mappingProblems", ModelPage.problems(e.problems()));
            }
            default -> page.addAttribute("fileError", e.getMessage());
        }
    }

    private List<SampleRow> sample(ImportSummary summary) {
        ModelVersion current = versions.current().orElse(null);
        OperatingModel model = current == null ? null : current.model();
        return summary.sample().stream().map(e -> new SampleRow(e.at().toString().replace('T', ' ').replace("Z", ""),
                e.stream(), e.type(), e.workType(), model == null ? e.actor() : EventSentences.of(model, e).actor(),
                model == null ? e.type() : EventSentences.of(model, e).sentence())).toList();
    }
}
