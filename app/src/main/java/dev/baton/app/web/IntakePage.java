package dev.baton.app.web;

import dev.baton.app.security.BatonUser;
import dev.baton.app.outcome.IntakeEvidence;
import dev.baton.engine.Engine;
import dev.baton.engine.field.FieldValues;
import dev.baton.engine.intake.IntakeCommand;
import dev.baton.engine.intake.IntakeRequest;
import dev.baton.engine.intake.QueuedRequest;
import dev.baton.engine.intake.RequestId;
import dev.baton.engine.intake.RequestStatus;
import dev.baton.engine.rights.Names;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.model.IntakeForm;
import dev.baton.model.OperatingModel;
import dev.baton.model.Template;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Intake: a request form per intake form of the model (its template's typed fields, required
 * ones marked, each problem shown at its field), the queue ranked by the model's prioritisation
 * scheme with the arithmetic of every score, and accepting, declining or deferring with a reason.
 * The engine decides all of it; scores are the engine's {@code PriorityScore}.
 */
@Controller
class IntakePage {

    private final Engine engine;
    private final ModelVersions versions;
    private final Commands commands;
    private final IntakeEvidence evidence;

    IntakePage(Engine engine, ModelVersions versions, Commands commands, IntakeEvidence evidence) {
        this.engine = engine;
        this.versions = versions;
        this.commands = commands;
        this.evidence = evidence;
    }

    record FormLink(String id, String name, String workType) {
    }

    /** @param evidence what comparable past work produced, for the impact input (docs/outcomes.md#intake-evidence) */
    record Queued(int rank, String id, long version, String title, String form, String by, String at, String score,
                  String formula, String status, String evidence) {
    }

    record Decided(String id, String title, String status, String by, String reason, String itemId, String until) {
    }

    @GetMapping("/intake")
    String queue(Model page) {
        ModelVersion current = PageAdvice.current(versions);
        OperatingModel model = current.model();
        page.addAttribute("forms", model.intake().forms().stream().map(f -> new FormLink(f.id(),
                f.name() == null ? Names.words(f.id()) : f.name(), model.workType(f.workType())
                .map(Names::workType).orElse(f.workType()))).toList());
        page.addAttribute("scheme", model.intake().prioritization() == null || model.intake().prioritization().scheme() == null
                ? null : model.intake().prioritization().scheme().id().toUpperCase(java.util.Locale.ROOT));
        List<QueuedRequest> queue = engine.queue();
        IntakeEvidence.Lookup impact = queue.isEmpty() ? null : evidence.lookup(model);
        page.addAttribute("queue", queue.stream().map(q -> queued(model, q, impact)).toList());
        page.addAttribute("decided", engine.requests().stream().filter(r -> r.status() != RequestStatus.OPEN)
                .sorted(Comparator.comparing(IntakeRequest::decidedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(15).map(r -> new Decided(r.id().value(), r.title(), r.status().name().toLowerCase(java.util.Locale.ROOT),
                        r.decidedBy() == null ? "" : Names.person(model, r.decidedBy()), r.reason(), r.itemId(),
                        r.deferredUntil() == null ? null : r.deferredUntil().toString())).toList());
        page.addAttribute("formKey", UUID.randomUUID().toString());
        page.addAttribute("today", java.time.LocalDate.now(engine.clock()).plusDays(1).toString());
        return "intake";
    }

    private static Queued queued(OperatingModel model, QueuedRequest q, IntakeEvidence.Lookup impact) {
        IntakeRequest r = q.request();
        return new Queued(q.rank(), r.id().value(), r.version(), r.title(), r.form(), Names.person(model, r.submittedBy()),
                r.submittedAt().toString().substring(0, 10), q.score().value() == null ? "—"
                : DebtPage.one(q.score().value()), q.score().formula(), r.status().name().toLowerCase(java.util.Locale.ROOT),
                r.workType() == null ? null : impact.sentence(r.workType(), r.fields()));
    }

    @GetMapping("/intake/forms/{form}")
    String form(@PathVariable String form, Model page) {
        ModelVersion current = PageAdvice.current(versions);
        fillForm(page, current.model(), intakeForm(current.model(), form), "", Map.of(), Map.of());
        return "intake-form";
    }

    @PostMapping("/intake/forms/{form}")
    String submit(@PathVariable String form, @RequestParam Map<String, String> params,
                  @AuthenticationPrincipal BatonUser user, Model page, RedirectAttributes flash,
                  HttpServletResponse response) {
        ModelVersion current = PageAdvice.current(versions);
        OperatingModel model = current.model();
        IntakeForm intake = intakeForm(model, form);
        Template template = model.template(intake.template()).orElse(null);
        Map<String, Object> fields = FormFields.read(template, params, null);
        String title = params.getOrDefault("title", "").trim();
        Commands.Outcome outcome = commands.submit(user, params.get("key"),
                new IntakeCommand.SubmitRequest(form, title.isEmpty() ? null : title, fields));
        if (outcome.ok()) {
            flash.addFlashAttribute("flash", "Submitted “" + title + "”: it is in the intake queue.");
            return "redirect:/intake";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        page.addAttribute("problem", outcome.message());
        Map<String, String> echo = new HashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith(FormFields.PREFIX)) {
                echo.put(k.substring(FormFields.PREFIX.length()), v);
            }
        });
        fillForm(page, model, intake, title, echo, fieldErrors(model, template, fields, title));
        return "intake-form";
    }

    /**
     * The problems of each field, worked out by the engine's own field checks one field at a time
     * so that each can be shown beside its input (the engine's sentence for the whole form is
     * shown above it).
     */
    private static Map<String, String> fieldErrors(OperatingModel model, Template template, Map<String, Object> fields,
                                                   String title) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (title.isEmpty()) {
            errors.put("title", "Give the request a title");
        }
        fields.forEach((id, value) -> {
            Map<String, Object> one = new HashMap<>();
            one.put(id, value);
            FieldValues.Checked checked = FieldValues.check(model, template, "This request", one, false);
            if (!checked.ok()) {
                errors.put(id, checked.sentence());
            }
        });
        for (String id : FieldValues.missingRequired(template, fields)) {
            errors.putIfAbsent(id, Names.field(template, id) + " is required");
        }
        return errors;
    }

    private void fillForm(Model page, OperatingModel model, IntakeForm form, String title, Map<String, ?> values,
                          Map<String, String> errors) {
        Template template = model.template(form.template()).orElse(null);
        page.addAttribute("form", form);
        page.addAttribute("formName", form.name() == null ? Names.words(form.id()) : form.name());
        page.addAttribute("requestTitle", title);
        page.addAttribute("fields", FormFields.views(model, template, values));
        page.addAttribute("errors", errors);
        // What comparable past work produced, for the impact input (docs/outcomes.md#intake-evidence).
        page.addAttribute("impactEvidence", form.workType() == null ? null
                : evidence.lookup(model).sentence(form.workType(), new HashMap<>(values)));
        page.addAttribute("formKey", UUID.randomUUID().toString());
        page.addAttribute("submitters", form.submitters() == null || form.submitters().isEmpty() ? "anyone"
                : Names.and(form.submitters().stream().map(s -> Names.party(model, s)).toList()));
    }

    private static IntakeForm intakeForm(OperatingModel model, String id) {
        return model.intake().forms().stream().filter(f -> id.equals(f.id())).findFirst()
                .orElseThrow(() -> new PageAdvice.NotFound("The operating model has no intake form '" + id + "'."));
    }

    @PostMapping("/intake/requests/{id}/{decision}")
    String decide(@PathVariable String id, @PathVariable String decision, @RequestParam Map<String, String> params,
                  @AuthenticationPrincipal BatonUser user, RedirectAttributes flash) {
        if (engine.request(new RequestId(id)).isEmpty()) {
            throw new PageAdvice.NotFound("There is no intake request '" + id + "'.");
        }
        String reason = blankToNull(params.get("reason"));
        IntakeCommand command = switch (decision) {
            case "accept" -> new IntakeCommand.AcceptRequest(reason);
            case "decline" -> new IntakeCommand.DeclineRequest(reason);
            case "defer" -> new IntakeCommand.DeferRequest(blankToNull(params.get("until")), reason);
            default -> throw new PageAdvice.NotFound("Requests are accepted, declined or deferred, not '" + decision + "'.");
        };
        Long version = null;
        try {
            version = params.get("version") == null ? null : Long.parseLong(params.get("version"));
        } catch (NumberFormatException ignored) {
            // decided on the current version then
        }
        Commands.Outcome outcome = commands.decide(user, id, version, params.get("key"), command);
        if (outcome.ok() && "accept".equals(decision)) {
            String item = engine.request(new RequestId(id)).map(IntakeRequest::itemId).orElse(null);
            flash.addFlashAttribute("flash", outcome.message());
            flash.addFlashAttribute("createdItem", item);
        } else {
            flash.addFlashAttribute(outcome.ok() ? "flash" : "problem", outcome.message());
            flash.addFlashAttribute("problemRequest", outcome.ok() ? null : id);
        }
        return "redirect:/intake";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
