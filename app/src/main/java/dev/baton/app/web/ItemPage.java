package dev.baton.app.web;

import dev.baton.app.security.BatonUser;
import dev.baton.app.outcome.CampaignOutcomes;
import dev.baton.app.outcome.CampaignOutcomes;
import dev.baton.engine.Engine;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemCommand;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.engine.item.WorkItemId;
import dev.baton.engine.rights.Names;
import dev.baton.model.GateMode;
import dev.baton.model.Handoff;
import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import java.util.ArrayList;
import java.util.List;
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
 * One work item: its template fields, the timeline of its events, its gate's approvals, a
 * waiting handoff, comments, and every command of the engine as a form (move, approve, deny,
 * hand off, accept or reject a handoff, block, comment...). Each form posts the version the page
 * showed, so a change made meanwhile is refused as stale instead of overwritten.
 */
@Controller
class ItemPage {

    private final Engine engine;
    private final WorkViews views;
    private final Commands commands;
    private final CampaignOutcomes campaigns;

    ItemPage(Engine engine, WorkViews views, Commands commands, CampaignOutcomes campaigns) {
        this.engine = engine;
        this.views = views;
        this.commands = commands;
        this.campaigns = campaigns;
    }

    /**
     * An item whose history was imported (docs/web.md, "Import"): its timeline as the log holds it,
     * read only, since the engine runs no imported item.
     */
    private String imported(String id, Model page) {
        List<RecordedEvent> history = engine.history(new WorkItemId(id));
        if (history.isEmpty() || history.get(0).modelVersion() != 0) {
            throw new PageAdvice.NotFound("There is no work item '" + id + "'.");
        }
        OperatingModel model = PageAdvice.current(engine.models()).model();
        RecordedEvent first = history.get(0);
        String stage = null;
        for (RecordedEvent e : history) {
            if (e.event() instanceof ItemCreated c && c.stage() != null) {
                stage = c.stage();
            } else if (e.event() instanceof StageEntered s) {
                stage = s.to();
            }
        }
        page.addAttribute("itemId", id);
        String current = stage;
        WorkType type = first.workType() == null ? null : model.workType(first.workType()).orElse(null);
        page.addAttribute("itemTitle", first.event() instanceof ItemCreated c && c.title() != null ? c.title() : id);
        page.addAttribute("workType", type == null ? first.workType() : Names.workType(type));
        page.addAttribute("stage", type == null || current == null ? current : Names.stage(type, current));
        page.addAttribute("source", first.eventId());
        page.addAttribute("timeline", EventSentences.of(model, history));
        return "imported-item";
    }

    /** A gate approver party and whether it approved at the current stage. */
    record Approver(String party, String name, boolean approved) {
    }

    record Gate(String mode, List<Approver> approvers, boolean requested, boolean satisfied) {
    }

    record HandoffOption(String toStage, String label, String requires) {
    }

    @GetMapping("/items/{id}")
    String item(@PathVariable String id, Model page) {
        WorkItem item = engine.item(new WorkItemId(id)).orElse(null);
        if (item == null) {
            return imported(id, page);
        }
        OperatingModel model = views.model(item);
        WorkType type = model.workType(item.workType()).orElseThrow();
        Template template = type.template() == null ? null : model.template(type.template()).orElse(null);
        Stage stage = type.stage(item.stage()).orElse(null);
        page.addAttribute("card", views.card(item));
        page.addAttribute("item", item);
        page.addAttribute("workTypeName", Names.workType(type));
        page.addAttribute("fields", FormFields.views(model, template, item.fields(),
                item.completed() ? null : java.time.LocalDate.now(engine.clock())));
        page.addAttribute("timeline", EventSentences.of(model, engine.history(item.id())));
        page.addAttribute("gate", gate(model, stage, item));
        page.addAttribute("handoffs", stage == null ? List.of() : handoffsFrom(model, type, stage));
        page.addAttribute("pendingHandoff", item.pendingHandoff() == null ? null
                : Names.party(model, item.pendingHandoff().fromFunction()) + " → "
                + Names.party(model, item.pendingHandoff().toFunction()) + " ("
                + Names.stage(type, item.pendingHandoff().fromStage()) + " → "
                + Names.stage(type, item.pendingHandoff().toStage()) + ")");
        page.addAttribute("isFinal", type.finalStages().contains(item.stage()));
        page.addAttribute("stages", type.stages().stream().map(s -> new WorkViews.Option(s.id(), Names.stage(type, s.id())))
                .toList());
        page.addAttribute("people", model.people().stream().map(p -> new WorkViews.Option(p.id(), p.name())).toList());
        page.addAttribute("formKey", UUID.randomUUID().toString());
        // A campaign item's outcomes beside its debt (docs/outcomes.md): only for items of a template with the link field.
        page.addAttribute("outcomes", campaigns.ofItem(item, model).orElse(null));
        return "item";
    }

    private static Gate gate(OperatingModel model, Stage stage, WorkItem item) {
        if (stage == null || stage.gate() == null || item.completed()) {
            return null;
        }
        List<Approver> approvers = stage.gate().approvers().stream().map(p -> new Approver(p, Names.party(model, p),
                item.approvals().granted().contains(p))).toList();
        boolean satisfied = dev.baton.engine.approval.Gates.satisfied(stage.gate(), item.approvals());
        return new Gate(stage.gate().mode() == GateMode.ALL ? "all of" : "any of", approvers,
                item.approvals().requested(), satisfied);
    }

    private static List<HandoffOption> handoffsFrom(OperatingModel model, WorkType type, Stage stage) {
        List<HandoffOption> options = new ArrayList<>();
        for (Handoff h : model.handoffsOf(type.id())) {
            if (h.at() != null && stage.id().equals(h.at().from())) {
                options.add(new HandoffOption(h.at().to(), Names.party(model, h.from()) + " → "
                        + Names.party(model, h.to()) + " (" + Names.stage(type, h.at().to()) + ")",
                        String.join(", ", h.requires())));
            }
        }
        return options;
    }

    @PostMapping("/items/{id}/{command}")
    String command(@PathVariable String id, @PathVariable String command, @RequestParam Map<String, String> form,
                   @AuthenticationPrincipal BatonUser user, RedirectAttributes flash) {
        WorkItem item = engine.item(new WorkItemId(id)).orElseThrow(() -> new PageAdvice.NotFound(
                "There is no work item '" + id + "'."));
        WorkItemCommand parsed = parse(command, form, item);
        Long version = form.get("version") == null || form.get("version").isBlank() ? null : parseVersion(form.get("version"));
        Commands.Outcome outcome = commands.item(user, id, version, form.get("key"), parsed);
        flash.addFlashAttribute(outcome.ok() ? "flash" : "problem", outcome.message());
        return "redirect:/items/" + id;
    }

    private WorkItemCommand parse(String command, Map<String, String> form, WorkItem item) {
        return switch (command) {
            case "update-fields" -> {
                OperatingModel model = views.model(item);
                WorkType type = model.workType(item.workType()).orElseThrow();
                Template template = type.template() == null ? null : model.template(type.template()).orElse(null);
                yield new WorkItemCommand.UpdateFields(FormFields.read(template, form, item.fields()));
            }
            case "assign-owner" -> new WorkItemCommand.AssignOwner(text(form, "owner"));
            case "move-to" -> new WorkItemCommand.MoveTo(text(form, "stage"));
            case "request-approval" -> new WorkItemCommand.RequestApproval();
            case "approve" -> new WorkItemCommand.Approve(text(form, "comment"));
            case "deny" -> new WorkItemCommand.Deny(text(form, "comment"));
            case "hand-off" -> new WorkItemCommand.HandOff(text(form, "toStage"));
            case "accept-handoff" -> new WorkItemCommand.AcceptHandoff();
            case "reject-handoff" -> new WorkItemCommand.RejectHandoff(text(form, "reason"));
            case "block" -> new WorkItemCommand.Block(text(form, "reason"));
            case "unblock" -> new WorkItemCommand.Unblock(text(form, "reason"));
            case "comment" -> new WorkItemCommand.Comment(text(form, "text"));
            case "mark-urgent" -> new WorkItemCommand.MarkUrgent(text(form, "reason"));
            case "complete" -> new WorkItemCommand.Complete();
            case "reopen" -> new WorkItemCommand.Reopen(text(form, "stage"), text(form, "reason"));
            default -> throw new PageAdvice.NotFound("There is no command '" + command + "' for work items.");
        };
    }

    /** A blank input is no value: the engine then says what is missing. */
    private static String text(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Long parseVersion(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
