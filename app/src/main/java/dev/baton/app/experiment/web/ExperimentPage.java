package dev.baton.app.experiment.web;

import dev.baton.app.experiment.ExperimentUploads;
import dev.baton.app.experiment.ExperimentView;
import dev.baton.app.experiment.Rhythms;
import dev.baton.app.experiment.StoredResults;
import dev.baton.app.security.BatonUser;
import dev.baton.app.web.PageAdvice;
import dev.baton.engine.Actor;
import dev.baton.engine.CommandResult;
import dev.baton.engine.Engine;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemId;
import dev.baton.engine.learning.LearningCommand.RecordInsight;
import dev.baton.engine.version.ModelVersions;
import dev.baton.insight.experiment.ExperimentRhythm;
import dev.baton.model.OperatingModel;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An experiment's results page (/experiments/{id}), linked from the experiment item's page: the
 * upload form, then the latest upload analysed — SRM first (a red banner on a mismatch, before any
 * result), per metric and arm the lift, its interval, p-value (BH-adjusted) or chance to win, the
 * guardrails (peeking unless sequential, CUPED imbalance), a chart of the intervals and the verdicts
 * in words — and "Record as insight"; and the rhythm dashboard (/experiments/rhythm).
 */
@Controller
class ExperimentPage {

    private final Engine engine;
    private final ModelVersions versions;
    private final ExperimentUploads uploads;
    private final StoredResults stored;
    private final Rhythms rhythms;

    ExperimentPage(Engine engine, ModelVersions versions, ExperimentUploads uploads, StoredResults stored, Rhythms rhythms) {
        this.engine = engine;
        this.versions = versions;
        this.uploads = uploads;
        this.stored = stored;
        this.rhythms = rhythms;
    }

    @GetMapping("/experiments/{id}")
    String show(@PathVariable String id, Model page) {
        WorkItem item = engine.item(new WorkItemId(id)).orElseThrow(() -> new PageAdvice.NotFound("There is no work item '"
                + id + "'."));
        OperatingModel model = PageAdvice.current(versions).model();
        page.addAttribute("item", item);
        page.addAttribute("experiment", versions.get(item.modelVersion())
                .map(v -> Rhythms.isExperiment(v.model(), item.workType())).orElse(false));
        ExperimentView view = stored.latest(id).map(ExperimentView::of).orElse(null);
        page.addAttribute("view", view);
        page.addAttribute("components", model.components());
        page.addAttribute("formKey", UUID.randomUUID().toString());
        if (view != null) {
            page.addAttribute("insightTitle", item.title() + ": " + conclusion(view));
            page.addAttribute("insightFinding", String.join("\n", view.verdicts()));
        }
        return "experiment";
    }

    /** The first line of the conclusion: SRM, or the first metric's verdict. */
    private static String conclusion(ExperimentView view) {
        if (view.srmMismatch()) {
            return "results not trustworthy (sample ratio mismatch)";
        }
        List<String> v = view.verdicts();
        String first = v.isEmpty() ? "no comparison" : v.get(0);
        return first.length() > 160 ? first.substring(0, 157) + "…" : first;
    }

    @PostMapping("/experiments/{id}/results")
    String upload(@PathVariable String id, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) String format, @RequestParam(required = false) String method,
                  @RequestParam(required = false) String key, @AuthenticationPrincipal BatonUser user,
                  RedirectAttributes flash) throws IOException {
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("problem", "Not recorded: choose the file with the results first.");
            return "redirect:/experiments/" + id;
        }
        try {
            CommandResult result = uploads.record(new WorkItemId(id), commandId(user, key), new Actor(user.personId()),
                    blank(format), file.getOriginalFilename(), file.getBytes(), blank(method));
            if (result instanceof CommandResult.Rejected r) {
                flash.addFlashAttribute("problem", "Not recorded: " + r.rejection().sentence());
            } else {
                flash.addFlashAttribute("flash", "Recorded the results of " + file.getOriginalFilename() + ".");
            }
        } catch (ExperimentUploads.Refused e) {
            flash.addFlashAttribute("problem", "Not recorded: the file could not be read.");
            flash.addFlashAttribute("problems", e.lines().subList(0, Math.min(e.lines().size(), 20)));
        }
        return "redirect:/experiments/" + id;
    }

    @PostMapping("/experiments/{id}/insight")
    String insight(@PathVariable String id, @RequestParam(required = false) String title,
                   @RequestParam(required = false) String finding, @RequestParam(required = false) List<String> tags,
                   @RequestParam(required = false) String key, @AuthenticationPrincipal BatonUser user,
                   RedirectAttributes flash) {
        CommandResult result = engine.learning().recordInsight(commandId(user, key), new Actor(user.personId()),
                new RecordInsight(title, finding, tags == null ? List.of() : tags, "experiment", id, null));
        if (result instanceof CommandResult.Rejected r) {
            flash.addFlashAttribute("problem", "Not recorded: " + r.rejection().sentence());
            return "redirect:/experiments/" + id + "#record-insight";
        }
        flash.addFlashAttribute("flash", "Recorded the experiment's conclusion as an insight.");
        return "redirect:/learning/insights/" + ((CommandResult.Recorded) result).stream();
    }

    @GetMapping("/experiments/rhythm")
    String rhythm(Model page) {
        ExperimentRhythm.Rhythm r = rhythms.measure();
        page.addAttribute("r", r);
        page.addAttribute("chart", ExperimentView.rhythmChart(r));
        return "experiment-rhythm";
    }

    private static String commandId(BatonUser user, String key) {
        return key == null || key.isBlank() || key.length() > 100 ? null : "web:" + user.username() + ":" + key;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
