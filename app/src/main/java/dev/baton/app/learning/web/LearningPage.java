package dev.baton.app.learning.web;

import dev.baton.app.learning.LearningLog;
import dev.baton.app.learning.PostMortemDrafts;
import dev.baton.app.security.BatonUser;
import dev.baton.app.web.PageAdvice;
import dev.baton.engine.CommandResult;
import dev.baton.engine.Engine;
import dev.baton.engine.learning.Insight;
import dev.baton.engine.learning.LearningCommand.RecordInsight;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.insight.learning.LearningLoop;
import dev.baton.model.change.ProposedChange;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The learning page (/learning): post-mortems waiting to be written, the insight log with its
 * search (words, a component tag, a source), proposed model changes waiting for a decision, the
 * loop's figures, and a form to record an insight directly. Recording an insight (from here or
 * from a post-mortem) is this page's form post; with a proposed change it goes on to the change.
 */
@Controller
class LearningPage {

    static final int SHOWN = 50;

    private final ModelVersions versions;
    private final LearningLog log;
    private final Engine engine;

    LearningPage(ModelVersions versions, LearningLog log, Engine engine) {
        this.versions = versions;
        this.log = log;
        this.engine = engine;
    }

    @GetMapping("/learning")
    String show(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
                @RequestParam(required = false) String source, Model page) {
        ModelVersion current = PageAdvice.current(versions);
        String text = WebForms.text(q);
        String tagged = WebForms.text(tag);
        String from = source != null && Insight.SOURCES.contains(source) ? source : null;
        page.addAttribute("q", text);
        page.addAttribute("tag", tagged);
        page.addAttribute("source", from);
        page.addAttribute("components", current.model().components());
        page.addAttribute("sources", Insight.SOURCES);
        page.addAttribute("insights", log.insights(new LearningLog.Search(text, tagged, from, SHOWN, 0)));
        page.addAttribute("searched", text != null || tagged != null || from != null);
        page.addAttribute("offered", log.offered(PostMortemDrafts.offeredWorkTypes(current.model()), 20));
        page.addAttribute("written", log.postMortems(10));
        page.addAttribute("openChanges", log.proposals("open", null));
        LearningLoop loop = log.loop();
        page.addAttribute("loop", loop);
        page.addAttribute("workTypeNames", WorkTypeNames.of(current.model()));
        page.addAttribute("choices", ChangeForm.choices(current.model()));
        page.addAttribute("formKey", UUID.randomUUID().toString());
        return "learning";
    }

    @PostMapping("/learning/insights")
    String record(@RequestParam Map<String, String> form, @RequestParam(name = "tags", required = false) List<String> tags,
                  @AuthenticationPrincipal BatonUser user, RedirectAttributes flash) {
        String back = form.getOrDefault("back", "/learning");
        if (!back.startsWith("/learning")) {
            back = "/learning";
        }
        ProposedChange change = null;
        if (ChangeForm.asked(form)) {
            ProposedChange.Read read = ProposedChange.read(ChangeForm.members(form));
            if (!read.ok()) {
                return refused(flash, form, tags, back, "Not recorded: the proposed change " + String.join("; ",
                        read.mistakes().stream().map(ProposedChange.Mistake::message).toList()));
            }
            change = read.change();
        }
        CommandResult result = engine.learning().recordInsight(WebForms.commandId(user, form.get("key")),
                new dev.baton.engine.Actor(user.personId()), new RecordInsight(form.get("title"), form.get("finding"),
                        tags == null ? List.of() : tags, form.getOrDefault("source", Insight.DIRECT), form.get("sourceRef"),
                        change));
        String refused = WebForms.refusal(result);
        if (refused != null) {
            return refused(flash, form, tags, back, "Not recorded: " + refused);
        }
        String id = ((CommandResult.Recorded) result).stream();
        if (change != null) {
            String proposal = log.proposals(null, id).stream().findFirst().map(LearningLog.ProposalRow::id).orElse(null);
            if (proposal != null) {
                flash.addFlashAttribute("flash", "Recorded the insight and proposed the change to the model; the model's "
                        + "owner (ops and admins) accepts or declines it here.");
                return "redirect:/learning/changes/" + proposal;
            }
        }
        flash.addFlashAttribute("flash", "Recorded the insight.");
        return "redirect:/learning/insights/" + id;
    }

    private static String refused(RedirectAttributes flash, Map<String, String> form, List<String> tags, String back,
                                  String problem) {
        flash.addFlashAttribute("problem", problem);
        flash.addFlashAttribute("echo", form);
        flash.addFlashAttribute("echoTags", tags == null ? List.of() : tags);
        return "redirect:" + back + "#insight-form";
    }
}
