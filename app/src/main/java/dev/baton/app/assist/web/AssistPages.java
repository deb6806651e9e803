package dev.baton.app.assist.web;

import dev.baton.app.assist.Assistants;
import dev.baton.app.assist.DraftDecisions;
import dev.baton.app.assist.PostMortemThemes;
import dev.baton.app.security.BatonUser;
import dev.baton.app.web.FormFields;
import dev.baton.app.web.PageAdvice;
import dev.baton.assist.Assistant;
import dev.baton.assist.draft.BriefDraft;
import dev.baton.assist.draft.DraftField;
import dev.baton.assist.embed.EmbeddingUnavailableException;
import dev.baton.assist.gate.Gate;
import dev.baton.assist.ledger.BeforeAfter;
import dev.baton.assist.ledger.LedgerRow;
import dev.baton.assist.ledger.LeverageLedger;
import dev.baton.assist.variants.VariantRequest;
import dev.baton.engine.CommandResult;
import dev.baton.engine.assist.AssistDraft;
import dev.baton.engine.rights.Names;
import dev.baton.model.IntakeForm;
import dev.baton.model.OperatingModel;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The assistants' pages (docs/assist.md, "In the web app"): drafting a brief at intake (the draft
 * as a proposal: fields filled, missing listed, basis cited; similar requests and where to route
 * it), taking it with edits or discarding it, an item's summary, and the leverage ledger. Where an
 * assistant is not allowed the page says which conditions fail and what would fix them, and an
 * admin may enable it with a reason.
 */
@Controller
class AssistPages {

    private final Assistants assistants;
    private final DraftDecisions decisions;
    private final PostMortemThemes themes;

    AssistPages(Assistants assistants, DraftDecisions decisions, PostMortemThemes themes) {
        this.assistants = assistants;
        this.decisions = decisions;
        this.themes = themes;
    }

    @GetMapping("/learning/themes")
    String themes(Model page) {
        page.addAttribute("themes", themes.themes());
        return "assist-themes";
    }

    /** A work type, with its brief-draft gate. */
    record TypeGate(String id, String name, Gate gate) {
    }

    @GetMapping("/assist/intake")
    String intake(@RequestParam(required = false) String workType, Model page) {
        fillIntake(page, workType, "");
        return "assist-intake";
    }

    private void fillIntake(Model page, String workType, String request) {
        OperatingModel model = assistants.model();
        // the work types the intake feeds first, then the others (an initiative's brief is drafted too)
        Set<String> fed = new LinkedHashSet<>();
        model.intake().forms().stream().map(IntakeForm::workType).forEach(fed::add);
        model.workTypes().forEach(w -> fed.add(w.id()));
        List<TypeGate> types = new ArrayList<>();
        for (String id : fed) {
            model.workType(id).ifPresent(w -> types.add(new TypeGate(w.id(), Names.workType(w),
                    assistants.gate(Assistant.BRIEF_DRAFT, w.id()))));
        }
        page.addAttribute("types", types);
        page.addAttribute("chosen", workType == null && !types.isEmpty() ? types.get(0).id() : workType);
        page.addAttribute("request", request);
        page.addAttribute("intakeGate", assistants.gate(Assistant.SIMILAR_REQUESTS, null));
        page.addAttribute("provider", assistants.provider());
        page.addAttribute("formKey", UUID.randomUUID().toString());
    }

    @PostMapping("/assist/intake/draft")
    String draft(@RequestParam String workType, @RequestParam(defaultValue = "") String request,
                 @RequestParam(required = false) String key, @AuthenticationPrincipal BatonUser user, Model page,
                 HttpServletResponse response) {
        String text = request.strip();
        if (text.isEmpty()) {
            return refused(page, workType, request, "Write the request first: the draft is made from what it says.", response);
        }
        DraftDecisions.OfferedBrief offered;
        try {
            offered = decisions.offerBrief(user, workType, text, commandId(user, key));
        } catch (Assistants.NotReady | Assistants.UnknownWorkType | EmbeddingUnavailableException e) {
            return refused(page, workType, request, e.getMessage(), response);
        } catch (Assistants.ProviderFailed e) {
            String problem = e.getMessage() + " The request is kept below: try again later.";
            String shown = refused(page, workType, request, problem, response);
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            return shown;
        }
        Assistants.Similar similar = assistants.gate(Assistant.SIMILAR_REQUESTS, null).allowed()
                ? assistants.similar(text, 5) : null;
        fillDraft(page, decisions.draft(offered.draft()).orElseThrow(), offered.brief(), title(offered.brief(), text));
        page.addAttribute("similar", similar);
        page.addAttribute("request", text);
        return "assist-draft";
    }

    private String refused(Model page, String workType, String request, String problem, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        page.addAttribute("problem", problem);
        fillIntake(page, workType, request);
        return "assist-intake";
    }

    @GetMapping("/assist/drafts/{id}")
    String draftPage(@PathVariable String id, Model page) {
        AssistDraft draft = decisions.draft(id).orElseThrow(() -> new PageAdvice.NotFound("There is no draft '" + id + "'."));
        fillDraft(page, draft, null, null);
        return "assist-draft";
    }

    private void fillDraft(Model page, AssistDraft draft, BriefDraft brief, String title) {
        OperatingModel model = assistants.model();
        WorkType type = draft.workType() == null ? null : model.workType(draft.workType()).orElse(null);
        Template template = type == null || type.template() == null ? null : model.template(type.template()).orElse(null);
        Map<String, Object> values = draft.offer() == null ? Map.of() : draft.offer().fields();
        page.addAttribute("draft", draft);
        page.addAttribute("workTypeName", type == null ? draft.workType() : Names.workType(type));
        page.addAttribute("fields", FormFields.views(model, template, values));
        Map<String, String> sources = new LinkedHashMap<>();
        if (brief != null) {
            brief.fields().forEach((k, f) -> sources.put(k, source(f)));
        }
        page.addAttribute("sources", sources);
        page.addAttribute("errors", Map.of());
        page.addAttribute("missing", draft.offer() == null ? List.of() : draft.offer().missing().stream()
                .map(m -> template == null ? m : Names.field(template, m)).toList());
        page.addAttribute("basis", brief == null ? List.of() : brief.basis());
        page.addAttribute("itemTitle", title == null ? "" : title);
        page.addAttribute("formKey", UUID.randomUUID().toString());
    }

    /** Where a drafted value came from, as a person reads it. */
    private static String source(DraftField f) {
        String s = f.source();
        if (DraftField.REQUEST.equals(s)) {
            return "stated in the request";
        }
        if (DraftField.MODEL.equals(s)) {
            return "the model's first success metric";
        }
        if (s != null && s.startsWith("similar:")) {
            return "from the similar past brief " + s.substring("similar:".length());
        }
        return s;
    }

    /** The draft's name field, else the request's first sentence: the new item's title, which the person may change. */
    private static String title(BriefDraft brief, String request) {
        for (Map.Entry<String, DraftField> f : brief.fields().entrySet()) {
            if ((f.getKey().endsWith("name") || f.getKey().equals("title")) && f.getValue().value() instanceof String s) {
                return s;
            }
        }
        String first = request.split("(?<=[.!?])\\s", 2)[0];
        return first.length() > 80 ? first.substring(0, 80).strip() : first;
    }

    @PostMapping("/assist/drafts/{id}/accept")
    String accept(@PathVariable String id, @RequestParam Map<String, String> params,
                  @AuthenticationPrincipal BatonUser user, Model page, RedirectAttributes flash,
                  HttpServletResponse response) {
        AssistDraft draft = decisions.draft(id).orElseThrow(() -> new PageAdvice.NotFound("There is no draft '" + id + "'."));
        OperatingModel model = assistants.model();
        WorkType type = draft.workType() == null ? null : model.workType(draft.workType()).orElse(null);
        Template template = type == null || type.template() == null ? null : model.template(type.template()).orElse(null);
        // a brief's fields come from the form; other drafts (a summary) are taken as offered
        Map<String, Object> fields = template == null || !Assistant.BRIEF_DRAFT.id().equals(draft.assistant()) ? null
                : FormFields.read(template, params, null);
        String title = params.getOrDefault("title", "").strip();
        CommandResult r = decisions.accept(user, id, title, fields, commandId(user, params.get("key")));
        if (r instanceof CommandResult.Rejected rejected) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            fillDraft(page, draft, null, title);
            if (fields != null) {
                Map<String, Object> kept = new LinkedHashMap<>(fields);
                page.addAttribute("fields", FormFields.views(model, template, kept));
            }
            page.addAttribute("problem", rejected.rejection().sentence());
            return "assist-draft";
        }
        AssistDraft decided = decisions.draft(id).orElseThrow();
        if (decided.item() != null) {
            flash.addFlashAttribute("flash", "Created from the " + decided.assistant() + " draft, as your own command.");
            return "redirect:/items/" + decided.item();
        }
        flash.addFlashAttribute("flash", "Kept: the draft is recorded as taken.");
        return "redirect:/assist/drafts/" + id;
    }

    @PostMapping("/assist/drafts/{id}/discard")
    String discard(@PathVariable String id, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) String key, @AuthenticationPrincipal BatonUser user,
                   RedirectAttributes flash) {
        if (decisions.draft(id).isEmpty()) {
            throw new PageAdvice.NotFound("There is no draft '" + id + "'.");
        }
        CommandResult r = decisions.discard(user, id, reason, commandId(user, key));
        flash.addFlashAttribute(r.rejected() ? "problem" : "flash", r instanceof CommandResult.Rejected x
                ? x.rejection().sentence() : "Discarded" + (reason == null || reason.isBlank() ? "." : ": " + reason.strip()));
        return "redirect:/assist/drafts/" + id;
    }

    @PostMapping("/assist/enable")
    String enable(@RequestParam String assistant, @RequestParam(required = false) String workType,
                  @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String key,
                  @RequestParam(defaultValue = "/assist/intake") String back,
                  @AuthenticationPrincipal BatonUser user, RedirectAttributes flash) {
        Assistant a = Assistant.byId(assistant).orElseThrow(() -> new PageAdvice.NotFound("There is no assistant '"
                + assistant + "'."));
        CommandResult r;
        try {
            r = decisions.enable(user, a, workType, reason, commandId(user, key));
        } catch (Assistants.UnknownWorkType e) {
            throw new PageAdvice.NotFound(e.getMessage());
        }
        flash.addFlashAttribute(r.rejected() ? "problem" : "flash", r instanceof CommandResult.Rejected x
                ? x.rejection().sentence() : "Enabled " + a.id() + (workType == null ? "" : " for " + workType)
                + " although it is not ready; the reason is kept with every draft.");
        return "redirect:" + (back.startsWith("/") && !back.startsWith("//") ? back : "/assist/intake");
    }

    @PostMapping("/assist/items/{id}/summary")
    String summary(@PathVariable String id, @RequestParam(required = false) String key,
                   @AuthenticationPrincipal BatonUser user, Model page, HttpServletResponse response) {
        DraftDecisions.OfferedSummary s;
        try {
            s = decisions.offerSummary(user, id, commandId(user, key));
        } catch (DraftDecisions.NoSuchThing e) {
            throw new PageAdvice.NotFound(e.getMessage());
        } catch (Assistants.NotReady | Assistants.UnknownWorkType e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            Gate gate = e instanceof Assistants.NotReady n ? n.gate() : null;
            // the gate below lists each failing condition and its fix; the sentence above only says so
            page.addAttribute("problem", gate == null ? e.getMessage() : "This item's work type is not ready for AI: "
                    + "what fails and what would fix it is listed below.");
            page.addAttribute("gate", gate);
            page.addAttribute("itemId", id);
            page.addAttribute("formKey", UUID.randomUUID().toString());
            return "assist-summary";
        }
        page.addAttribute("summary", s.summary());
        page.addAttribute("draftId", s.draft());
        page.addAttribute("gate", s.gate());
        page.addAttribute("itemId", id);
        page.addAttribute("formKey", UUID.randomUUID().toString());
        return "assist-summary";
    }

    @PostMapping("/assist/items/{id}/variants")
    String variants(@PathVariable String id, @RequestParam(defaultValue = "") String segments,
                    @RequestParam(required = false) String key, @AuthenticationPrincipal BatonUser user, Model page,
                    HttpServletResponse response) {
        page.addAttribute("itemId", id);
        page.addAttribute("segments", segments);
        page.addAttribute("formKey", UUID.randomUUID().toString());
        DraftDecisions.OfferedVariants v;
        try {
            v = decisions.offerVariants(user, id, VariantRequest.segments(Arrays.asList(segments.split(","))),
                    commandId(user, key));
        } catch (DraftDecisions.NoSuchThing e) {
            throw new PageAdvice.NotFound(e.getMessage());
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            page.addAttribute("problem", "Segments: " + e.getMessage() + " (comma-separated).");
            return "assist-variants";
        } catch (DraftDecisions.VariantsUnavailable | Assistants.ProviderFailed e) {
            response.setStatus(e instanceof DraftDecisions.VariantsUnavailable u
                    && DraftDecisions.VariantsUnavailable.NOT_CONFIGURED.equals(u.problem())
                    || e instanceof Assistants.ProviderFailed ? HttpStatus.SERVICE_UNAVAILABLE.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            page.addAttribute("problem", e.getMessage());
            return "assist-variants";
        } catch (Assistants.NotReady e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            page.addAttribute("problem", e.gate() == null ? e.getMessage() : "This item's work type is not ready for AI: "
                    + "what fails and what would fix it is listed below.");
            page.addAttribute("gate", e.gate());
            return "assist-variants";
        }
        List<Map<String, String>> shown = new ArrayList<>();
        for (int i = 0; i < v.drafts().size(); i++) {
            var variant = v.variants().variants().get(i);
            shown.add(Map.of("segment", variant.segment(), "headline", variant.headline(), "body", variant.body(),
                    "draft", v.drafts().get(i)));
        }
        page.addAttribute("variants", shown);
        page.addAttribute("provider", v.variants().provider());
        page.addAttribute("gate", v.gate());
        return "assist-variants";
    }

    /** One ledger row as the page shows it, with its before and after (null: none measured). */
    record Row(String workType, String assistant, long offered, long unchanged, long edited, String editedShare,
               long discarded, String discardedShare, long pending, String hours, long overridden,
               List<LedgerRow.Enablement> enabled, String verdict, String reason, boolean overhead, Change change) {
    }

    /** The work type's coordination share and hours lost per week before and after the assistant came. */
    record Change(String shareBefore, String shareAfter, String lostBefore, String lostAfter, String summary) {
        static Change of(BeforeAfter.Row b) {
            if (b == null || b.before() == null) {
                return null;
            }
            return new Change(percent(b.before().coordinationShare()), percent(b.after().coordinationShare()),
                    perWeek(b.before().hoursLostPerWeek()), perWeek(b.after().hoursLostPerWeek()), b.summary());
        }

        private static String perWeek(Double hours) {
            return hours == null ? "—" : String.format(Locale.ROOT, "%.1f h/week", hours);
        }
    }

    @GetMapping("/assist/ledger")
    String ledger(Model page) {
        OperatingModel model = assistants.model();
        List<BeforeAfter.Row> changes = assistants.beforeAfter();
        List<Row> rows = assistants.ledger().stream().map(r -> new Row(r.workType() == null ? "intake"
                : model.workType(r.workType()).map(Names::workType).orElse(r.workType()), r.assistant(), r.offered(),
                r.acceptedUnchanged(), r.acceptedAfterEdits(), percent(r.meanEditedShare()), r.discarded(),
                percent(r.discardedShare()), r.pending(), r.medianHoursToDecision() == null ? "—"
                : String.format(Locale.ROOT, "%.1f h", r.medianHoursToDecision()), r.overridden(), r.enabled(),
                r.verdict(), r.reason(), LeverageLedger.OVERHEAD.equals(r.verdict()),
                Change.of(changes.stream().filter(b -> Objects.equals(b.workType(), r.workType())
                        && b.assistant().equals(r.assistant())).findFirst().orElse(null)))).toList();
        page.addAttribute("rows", rows);
        return "assist-ledger";
    }

    private static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /** A form's one-time key, per user as every page command: a double submit records nothing twice. */
    private static String commandId(BatonUser user, String key) {
        return key == null || key.isBlank() || key.length() > 100 ? null : "web:" + user.username() + ":" + key;
    }
}
