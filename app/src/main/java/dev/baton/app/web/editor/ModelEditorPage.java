package dev.baton.app.web.editor;

import dev.baton.model.compare.LineDiff;

import dev.baton.app.security.BatonUser;
import dev.baton.app.security.Role;
import dev.baton.engine.version.ModelUpload;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.model.edit.EditRefused;
import dev.baton.model.edit.ModelEdit;
import dev.baton.model.edit.ModelEditor;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The model editor (/model/edit): ops and admins change the operating model in forms, one change
 * at a time, in a draft of their own kept in the database. Each change is made in the YAML text by
 * {@link ModelEditor} (only the edited text changes) and validated as {@code baton model validate}
 * does; the problems are shown at the fields they concern. Saving stores the draft as a new model
 * version through the same {@link ModelVersions#upload} as an upload, refused (422) while the
 * draft has errors. Everyone else sees the current version in the same forms, read-only, and why.
 */
@Controller
class ModelEditorPage {

    static final String FILE = "model.yaml";
    static final String EMPTY = "apiVersion: baton/v1\nname: New operating model\n";

    /** The edits a request stands for, computed on the draft's current data. */
    private interface EditsFor {
        List<ModelEdit> of(Object data) throws EditRefused;
    }

    private final ModelVersions versions;
    private final Drafts drafts;

    ModelEditorPage(ModelVersions versions, Drafts drafts) {
        this.versions = versions;
        this.drafts = drafts;
    }

    @GetMapping("/model/edit")
    String show(@AuthenticationPrincipal BatonUser user, Model page) {
        return render(user, page, Map.of(), null);
    }

    @GetMapping(path = "/model/edit/draft.yaml")
    ResponseEntity<String> draft(@AuthenticationPrincipal BatonUser user) {
        return drafts.of(user.username()).map(d -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("application/yaml;charset=UTF-8"))
                        .header("Content-Disposition", "attachment; filename=\"model-draft.yaml\"").body(d.source()))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                        .body("You have no draft: start one on /model/edit."));
    }

    @PostMapping("/model/edit/start")
    String start(@RequestParam(name = "from", defaultValue = "current") String from,
                 @AuthenticationPrincipal BatonUser user, RedirectAttributes flash) {
        Optional<ModelVersion> current = versions.current();
        if (from.equals("current") && current.isPresent()) {
            drafts.start(user.username(), current.get().source(), current.get().number());
            flash.addFlashAttribute("status", "Started a draft from version " + current.get().number() + ".");
        } else {
            drafts.start(user.username(), EMPTY, null);
            flash.addFlashAttribute("status", "Started a draft from an empty model.");
        }
        return "redirect:/model/edit";
    }

    @PostMapping("/model/edit/discard")
    String discard(@AuthenticationPrincipal BatonUser user, RedirectAttributes flash) {
        drafts.discard(user.username());
        flash.addFlashAttribute("status", "The draft was discarded; the stored versions are unchanged.");
        return "redirect:/model/edit";
    }

    @PostMapping("/model/edit/field")
    String field(@RequestParam("path") String path, @RequestParam(name = "kind", defaultValue = "text") String kind,
                 @RequestParam(name = "value", required = false) String value,
                 @RequestHeader(name = "HX-Request", required = false) String htmx, // sent by editor.js
                 @AuthenticationPrincipal BatonUser user, Model page, RedirectAttributes flash) {
        Object typed = FormEdits.value(kind, value);
        return change(user, path, data -> FormEdits.set(data, path, typed),
                typed == null ? "Removed " + path + "." : "Changed " + path + ".", null, htmx, page, flash);
    }

    @PostMapping("/model/edit/add")
    String add(@RequestParam("list") String list, @RequestParam(name = "add", defaultValue = "id") String add,
               @RequestParam(name = "id", required = false) String id, @RequestParam(name = "from", required = false) String from,
               @RequestParam(name = "to", required = false) String to,
               @RequestParam(name = "workType", required = false) String workType,
               @RequestParam(name = "at", required = false) String at,
               @RequestHeader(name = "HX-Request", required = false) String htmx,
               @AuthenticationPrincipal BatonUser user, Model page, RedirectAttributes flash) {
        Object item;
        String what;
        if (add.equals("transition")) {
            item = blank(from) || blank(to) ? null : from.strip() + " -> " + to.strip();
            what = "the stage change " + item;
        } else if (add.equals("handoff")) {
            Map<String, Object> handoff = new LinkedHashMap<>();
            if (!blank(workType)) {
                handoff.put("work-type", workType.strip());
            }
            if (!blank(at)) {
                handoff.put("at", at.strip());
            }
            item = handoff.isEmpty() ? null : handoff;
            what = "a handoff";
        } else {
            item = blank(id) ? null : new LinkedHashMap<>(Map.of("id", id.strip()));
            what = "'" + (id == null ? "" : id.strip()) + "'";
        }
        Object draftData = drafts.of(user.username()).map(d -> YamlData.of(d.source())).orElse(null);
        int size = YamlData.list(draftData, list).size();
        String focus = EditorView.domId("i-", list + "[" + size + "]");
        return change(user, list, data -> {
            if (item == null) {
                throw new EditRefused(list, add.equals("transition") ? "expected a from stage and a to stage, found "
                        + (blank(from) ? "no from stage" : "no to stage") : add.equals("handoff")
                        ? "expected a work type or a stage change, found neither" : "expected an id, found nothing");
            }
            return FormEdits.append(data, list, item);
        }, "Added " + what + " to " + list + ".", focus, htmx, page, flash);
    }

    @PostMapping("/model/edit/remove")
    String remove(@RequestParam("path") String path, @RequestHeader(name = "HX-Request", required = false) String htmx,
                  @AuthenticationPrincipal BatonUser user, Model page, RedirectAttributes flash) {
        String list = path.replaceFirst("\\[\\d+]$", "");
        return change(user, path, data -> List.of(ModelEdit.remove(path)), "Removed " + path + ".",
                "add-" + EditorView.domId("s-", list), htmx, page, flash);
    }

    @PostMapping("/model/edit/move")
    String move(@RequestParam("path") String path, @RequestParam("to") int to,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                @AuthenticationPrincipal BatonUser user, Model page, RedirectAttributes flash) {
        String list = path.replaceFirst("\\[\\d+]$", "");
        int from = Integer.parseInt(path.substring(list.length() + 1, path.length() - 1));
        Object draftData = drafts.of(user.username()).map(d -> YamlData.of(d.source())).orElse(null);
        int size = YamlData.list(draftData, list).size();
        boolean up = to < from ? to > 0 : to >= size - 1;
        String focus = (up ? "up-" : "down-") + EditorView.domId("i-", list + "[" + to + "]");
        return change(user, path, data -> List.of(ModelEdit.move(path, to)), "Moved " + path + " to position " + (to + 1) + ".",
                focus, htmx, page, flash);
    }

    @PostMapping("/model/edit/save")
    String save(@AuthenticationPrincipal BatonUser user, Model page, RedirectAttributes flash,
                HttpServletResponse response) {
        Optional<Drafts.Draft> draft = drafts.of(user.username());
        if (draft.isEmpty()) {
            flash.addFlashAttribute("status", "There is no draft to save: start one first.");
            return "redirect:/model/edit";
        }
        ModelUpload upload = versions.upload(FILE, draft.get().source(), user.username());
        if (upload.refused()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            page.addAttribute("statusKind", "bad");
            return render(user, page, Map.of(), "Not saved: " + upload.refusal().detail() + " Your draft is kept.");
        }
        if (!upload.accepted()) {
            int errors = upload.report().errors().size();
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            page.addAttribute("statusKind", "bad");
            return render(user, page, Map.of(), "Not saved: the draft has " + errors + (errors == 1 ? " error" : " errors")
                    + "; nothing was stored. Fix " + (errors == 1 ? "it" : "them") + " (listed below and at the fields) and save again.");
        }
        drafts.discard(user.username());
        flash.addFlashAttribute("flash", upload.unchanged()
                ? "The draft is the current model (version " + upload.version().number() + ") unchanged; nothing new was stored."
                : "Saved the draft as model version " + upload.version().number() + " with "
                        + upload.report().warnings().size() + " warnings. New work follows it; work in flight keeps its version.");
        if (!upload.unchanged() && upload.version().number() > 1) {
            flash.addFlashAttribute("migrateFrom", upload.version().number() - 1);
            flash.addFlashAttribute("migrateTo", upload.version().number());
        }
        return "redirect:/model";
    }

    private String change(BatonUser user, String path, EditsFor edits, String done, String focus, String htmx,
                          Model page, RedirectAttributes flash) {
        Optional<Drafts.Draft> draft = drafts.of(user.username());
        if (draft.isEmpty()) {
            flash.addFlashAttribute("status", "You have no draft (it was saved or discarded): start one first.");
            return "redirect:/model/edit";
        }
        String text = draft.get().source();
        Map<String, String> refused = Map.of();
        String status = done;
        try {
            List<ModelEdit> list = edits.of(YamlData.of(text));
            if (!list.isEmpty()) {
                text = ModelEditor.apply(FILE, text, list).text();
            } else {
                status = "Nothing changed.";
            }
        } catch (EditRefused e) {
            refused = Map.of(path, e.reason());
            status = "Not changed: " + e.getMessage();
            focus = null;
        }
        drafts.update(user.username(), text);
        if (htmx == null) {
            flash.addFlashAttribute("status", status);
            return "redirect:/model/edit";
        }
        page.addAttribute("focus", focus);
        if (!refused.isEmpty()) {
            page.addAttribute("statusKind", "bad");
        }
        return render(user, page, refused, status);
    }

    private String render(BatonUser user, Model page, Map<String, String> refused, String status) {
        Optional<ModelVersion> current = versions.current();
        boolean canEdit = user.role() == Role.ADMIN || user.role() == Role.OPS;
        page.addAttribute("current", current.orElse(null));
        page.addAttribute("readOnly", !canEdit);
        if (status != null) {
            page.addAttribute("status", status);
        }
        String source;
        if (!canEdit) {
            page.addAttribute("readOnlyWhy", "Only ops and admins change the operating model; you are signed in as "
                    + user.role().id() + ". " + (current.isPresent() ? "This is version " + current.get().number()
                    + " as stored." : "No model has been stored yet."));
            source = current.map(ModelVersion::source).orElse(null);
            page.addAttribute("revision", 0);
        } else {
            Optional<Drafts.Draft> draft = drafts.of(user.username());
            source = draft.map(Drafts.Draft::source).orElse(null);
            page.addAttribute("revision", draft.map(Drafts.Draft::revision).orElse(0));
            page.addAttribute("baseVersion", draft.map(Drafts.Draft::baseVersion).orElse(null));
            if (source != null) {
                page.addAttribute("diff", LineDiff.hunks(LineDiff.of(current.map(ModelVersion::source).orElse(""), source), 2));
            }
        }
        if (source == null) {
            page.addAttribute("view", null);
            return "model-editor";
        }
        ValidationReport report = ModelValidation.validate(FILE, source);
        page.addAttribute("view", EditorView.of(YamlData.of(source), report.problems(), refused));
        page.addAttribute("errors", report.errors().size());
        page.addAttribute("warnings", report.warnings().size());
        return "model-editor";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
