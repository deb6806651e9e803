package dev.baton.app.learning.web;

import dev.baton.app.learning.LearningLog;
import dev.baton.app.security.BatonUser;
import dev.baton.app.web.FormFields;
import dev.baton.app.web.PageAdvice;
import dev.baton.engine.Actor;
import dev.baton.engine.CommandResult;
import dev.baton.engine.Engine;
import dev.baton.engine.item.WorkItemCommand.CreateItem;
import dev.baton.engine.learning.LearningCommand.CreateFollowUp;
import dev.baton.engine.learning.LearningCommand.ProposeModelChange;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.model.OperatingModel;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import dev.baton.model.change.ProposedChange;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One insight (/learning/insights/{id}): what was learned and where from, its follow-up work (open
 * or completed) and its proposed model changes; a follow-up is created here as a work item of any
 * work type, its template's fields typed as on the request forms, linked to the insight in the same
 * append; and a change to the model is proposed here.
 */
@Controller
class InsightPage {

    private final ModelVersions versions;
    private final LearningLog log;
    private final Engine engine;

    InsightPage(ModelVersions versions, LearningLog log, Engine engine) {
        this.versions = versions;
        this.log = log;
        this.engine = engine;
    }

    @GetMapping("/learning/insights/{id}")
    String show(@PathVariable String id, @RequestParam(required = false) String workType, Model page) {
        ModelVersion current = PageAdvice.current(versions);
        LearningLog.InsightRow insight = log.insight(id).orElseThrow(() -> new PageAdvice.NotFound("There is no insight '"
                + id + "'; the learning page lists them."));
        OperatingModel model = current.model();
        page.addAttribute("insight", insight);
        page.addAttribute("componentNames", model.components().stream().collect(java.util.stream.Collectors.toMap(
                c -> c.id(), c -> c.name(), (a, b) -> a)));
        page.addAttribute("workTypeNames", WorkTypeNames.of(model));
        WorkType chosen = workType == null ? null : model.workType(workType).orElse(null);
        page.addAttribute("followUpType", chosen);
        if (chosen != null) {
            Template template = chosen.template() == null ? null : model.template(chosen.template()).orElse(null);
            page.addAttribute("fields", FormFields.views(model, template, Map.of()));
        }
        page.addAttribute("choices", ChangeForm.choices(model));
        page.addAttribute("formKey", UUID.randomUUID().toString());
        return "insight";
    }

    @PostMapping("/learning/insights/{id}/follow-ups")
    String followUp(@PathVariable String id, @RequestParam Map<String, String> form, @AuthenticationPrincipal BatonUser user,
                    RedirectAttributes flash) {
        OperatingModel model = PageAdvice.current(versions).model();
        String workType = WebForms.text(form.get("workType"));
        WorkType type = workType == null ? null : model.workType(workType).orElse(null);
        Template template = type == null || type.template() == null ? null : model.template(type.template()).orElse(null);
        CommandResult result = engine.learning().createFollowUp(id, null, WebForms.commandId(user, form.get("key")),
                new Actor(user.personId()), new CreateFollowUp(new CreateItem(workType, WebForms.text(form.get("title")),
                        FormFields.read(template, form, null), WebForms.text(form.get("parent")), null)));
        String refused = WebForms.refusal(result);
        if (refused != null) {
            flash.addFlashAttribute("problem", "Not created: " + refused);
            return "redirect:/learning/insights/" + id + (type == null ? "" : "?workType=" + type.id()) + "#follow-up-form";
        }
        flash.addFlashAttribute("flash", "Created the follow-up work item, linked to this insight.");
        return "redirect:/learning/insights/" + id + "#follow-ups";
    }

    @PostMapping("/learning/insights/{id}/proposals")
    String propose(@PathVariable String id, @RequestParam Map<String, String> form, @AuthenticationPrincipal BatonUser user,
                   RedirectAttributes flash) {
        ProposedChange.Read read = ChangeForm.asked(form) ? ProposedChange.read(ChangeForm.members(form)) : null;
        if (read == null || !read.ok()) {
            flash.addFlashAttribute("problem", "Not proposed: " + (read == null ? "choose what to change"
                    : String.join("; ", read.mistakes().stream().map(ProposedChange.Mistake::message).toList())));
            return "redirect:/learning/insights/" + id + "#propose-form";
        }
        CommandResult result = engine.learning().propose(id, WebForms.commandId(user, form.get("key")),
                new Actor(user.personId()), new ProposeModelChange(read.change()));
        String refused = WebForms.refusal(result);
        if (refused != null) {
            flash.addFlashAttribute("problem", "Not proposed: " + refused);
            return "redirect:/learning/insights/" + id + "#propose-form";
        }
        flash.addFlashAttribute("flash", "Proposed the change; the model's owner (ops and admins) accepts or declines it here.");
        return "redirect:/learning/changes/" + ((CommandResult.Recorded) result).stream();
    }
}
