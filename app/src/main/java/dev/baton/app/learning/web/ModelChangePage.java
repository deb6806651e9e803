package dev.baton.app.learning.web;

import dev.baton.app.learning.LearningLog;
import dev.baton.app.learning.ProposalPreview;
import dev.baton.app.security.BatonUser;
import dev.baton.app.web.PageAdvice;
import dev.baton.engine.Actor;
import dev.baton.engine.CommandResult;
import dev.baton.engine.Engine;
import dev.baton.engine.learning.LearningCommand.AcceptModelChange;
import dev.baton.engine.learning.LearningCommand.DeclineModelChange;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
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
 * A proposed model change (/learning/changes/{id}) as its reviewer sees it: the change written into
 * the current version's YAML (only its lines differ), the validation of the new text and the change
 * in words, or why it no longer applies; the model's owner (ops and admins, as for uploads and the
 * model editor) accepts it into a new model version or declines it with a reason. Everyone else
 * sees the same, read-only, and why.
 */
@Controller
class ModelChangePage {

    private final ModelVersions versions;
    private final LearningLog log;
    private final Engine engine;

    ModelChangePage(ModelVersions versions, LearningLog log, Engine engine) {
        this.versions = versions;
        this.log = log;
        this.engine = engine;
    }

    @GetMapping("/learning/changes/{id}")
    String show(@PathVariable String id, @AuthenticationPrincipal BatonUser user, Model page) {
        ModelVersion current = PageAdvice.current(versions);
        LearningLog.ProposalRow proposal = log.proposal(id).orElseThrow(() -> new PageAdvice.NotFound(
                "There is no proposed model change '" + id + "'; the learning page lists them."));
        page.addAttribute("proposal", proposal);
        if ("open".equals(proposal.status())) {
            ProposedChange.Read read = ProposedChange.read(proposal.change());
            page.addAttribute("preview", read.ok() ? ProposalPreview.of(read.change(), proposal.baseVersion(), current) : null);
        }
        boolean owner = WebForms.ownsModel(user);
        page.addAttribute("canDecide", owner);
        page.addAttribute("whyNot", owner ? null : "Only the model's owners (ops and admins, who upload and edit the model) "
                + "accept or decline changes to it; you are signed in as " + user.role().id() + ".");
        page.addAttribute("formKey", UUID.randomUUID().toString());
        return "model-change";
    }

    @PostMapping("/learning/changes/{id}/accept")
    String accept(@PathVariable String id, @RequestParam Map<String, String> form, @AuthenticationPrincipal BatonUser user,
                  RedirectAttributes flash) {
        CommandResult result = engine.learning().accept(id, WebForms.version(form.get("version")),
                WebForms.commandId(user, form.get("key")), new Actor(user.personId()), new AcceptModelChange());
        String refused = WebForms.refusal(result);
        if (refused != null) {
            flash.addFlashAttribute("problem", "Not accepted: " + refused);
        } else {
            int version = log.proposal(id).map(LearningLog.ProposalRow::acceptedAs).orElse(0);
            flash.addFlashAttribute("flash", "Accepted: the change is model version " + version + ". New work follows it; "
                    + "work in flight keeps its version.");
        }
        return "redirect:/learning/changes/" + id;
    }

    @PostMapping("/learning/changes/{id}/decline")
    String decline(@PathVariable String id, @RequestParam Map<String, String> form, @AuthenticationPrincipal BatonUser user,
                   RedirectAttributes flash) {
        CommandResult result = engine.learning().decline(id, WebForms.version(form.get("version")),
                WebForms.commandId(user, form.get("key")), new Actor(user.personId()),
                new DeclineModelChange(form.get("reason")));
        String refused = WebForms.refusal(result);
        flash.addFlashAttribute(refused == null ? "flash" : "problem", refused == null
                ? "Declined the change; the model is unchanged." : "Not declined: " + refused);
        return "redirect:/learning/changes/" + id;
    }
}
