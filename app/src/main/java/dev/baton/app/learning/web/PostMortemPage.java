package dev.baton.app.learning.web;

import dev.baton.app.learning.LearningLog;
import dev.baton.app.learning.PostMortemDrafts;
import dev.baton.app.security.BatonUser;
import dev.baton.app.web.PageAdvice;
import dev.baton.engine.Actor;
import dev.baton.engine.CommandResult;
import dev.baton.engine.Engine;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.learning.LearningCommand.WritePostMortem;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.insight.learning.PostMortemFacts;
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
 * A post-mortem (/learning/post-mortems/{item}): the facts of the finished item and the items under
 * it, pre-filled from the log, what went well and what to change in the team's words (saved as
 * {@code PostMortemWritten} with the facts as shown), and, once written, findings turned into
 * insights, each optionally with a proposed change to the model.
 */
@Controller
class PostMortemPage {

    private final ModelVersions versions;
    private final PostMortemDrafts drafts;
    private final LearningLog log;
    private final Engine engine;

    PostMortemPage(ModelVersions versions, PostMortemDrafts drafts, LearningLog log, Engine engine) {
        this.versions = versions;
        this.drafts = drafts;
        this.log = log;
        this.engine = engine;
    }

    @GetMapping("/learning/post-mortems/{item}")
    String show(@PathVariable String item, Model page) {
        ModelVersion current = PageAdvice.current(versions);
        WorkItem state = drafts.item(item).orElseThrow(() -> noItem(item));
        PostMortemFacts facts = drafts.facts(item).orElseThrow(() -> noItem(item));
        LearningLog.PostMortemRow written = log.postMortem(item).orElse(null);
        page.addAttribute("item", state);
        page.addAttribute("facts", facts);
        page.addAttribute("written", written);
        page.addAttribute("workTypeName", WorkTypeNames.of(current.model()).getOrDefault(state.workType(), state.workType()));
        page.addAttribute("offered", PostMortemDrafts.offeredWorkTypes(current.model()).contains(state.workType()));
        page.addAttribute("insights", log.fromPostMortem(item));
        page.addAttribute("components", current.model().components());
        page.addAttribute("choices", ChangeForm.choices(current.model()));
        page.addAttribute("formKey", UUID.randomUUID().toString());
        return "post-mortem";
    }

    @PostMapping("/learning/post-mortems/{item}")
    String write(@PathVariable String item, @RequestParam Map<String, String> form, @AuthenticationPrincipal BatonUser user,
                 RedirectAttributes flash) {
        PostMortemFacts facts = drafts.facts(item).orElseThrow(() -> noItem(item));
        CommandResult result = engine.learning().writePostMortem(WebForms.version(form.get("version")),
                WebForms.commandId(user, form.get("key")), new Actor(user.personId()),
                new WritePostMortem(item, form.get("wentWell"), form.get("toChange"), facts.sentences()));
        String refused = WebForms.refusal(result);
        if (refused != null) {
            flash.addFlashAttribute("problem", "Not saved: " + refused);
            flash.addFlashAttribute("echo", form);
        } else {
            flash.addFlashAttribute("flash", "Saved the post-mortem with the facts as shown. Turn its findings into insights below.");
        }
        return "redirect:/learning/post-mortems/" + item;
    }

    private static PageAdvice.NotFound noItem(String item) {
        return new PageAdvice.NotFound("There is no work item '" + item + "' to review; post-mortems are written of "
                + "work Baton runs.");
    }
}
