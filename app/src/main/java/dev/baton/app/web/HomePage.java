package dev.baton.app.web;

import dev.baton.app.security.BatonUser;
import dev.baton.engine.Engine;
import dev.baton.engine.approval.Gates;
import dev.baton.engine.item.ItemFilter;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.rights.Rights;
import dev.baton.engine.version.ModelVersions;
import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A person's home page: their work (items they own, and unowned items in stages they own),
 * approvals waiting for them (gates at the item's stage whose right they hold and that still
 * lack their party's approval), handoffs their function must accept or reject, and which of all
 * that is at risk of breaching an SLA. Rights are the engine's ({@link Rights}, {@link Gates}).
 */
@Controller
class HomePage {

    /** Items listed per section; the heading gives the full count. */
    static final int SHOWN = 50;

    private final Engine engine;
    private final ModelVersions versions;
    private final WorkViews views;

    HomePage(Engine engine, ModelVersions versions, WorkViews views) {
        this.engine = engine;
        this.versions = versions;
        this.views = views;
    }

    record Section(int count, List<WorkViews.Card> cards) {
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal BatonUser user, Model page) {
        PageAdvice.current(versions);
        String me = user.personId();
        Map<Integer, Rights> rights = new HashMap<>();
        List<WorkItem> mine = new ArrayList<>();
        List<WorkItem> approvals = new ArrayList<>();
        List<WorkItem> handoffs = new ArrayList<>();
        // Every open item, unsorted: only the few shown are sorted below.
        for (WorkItem item : engine.matching(new ItemFilter(null, null, null, null, null, false)).toList()) {
            Rights r = rights.computeIfAbsent(item.modelVersion(), n -> new Rights(views.model(item)));
            OperatingModel model = r.model();
            Stage stage = model.workType(item.workType()).flatMap(t -> t.stage(item.stage())).orElse(null);
            if (me.equals(item.owner())
                    || item.owner() == null && stage != null && stage.owner() != null && r.holds(me, stage.owner())) {
                mine.add(item);
            }
            if (item.pendingHandoff() != null) {
                if (r.holds(me, item.pendingHandoff().toFunction())) {
                    handoffs.add(item);
                }
            } else if (stage != null && stage.gate() != null && !Gates.satisfied(stage.gate(), item.approvals())
                    && r.heldBy(me, stage.gate().approvers()).stream().anyMatch(p -> !item.approvals().granted().contains(p))) {
                approvals.add(item);
            }
        }
        // Asked-for approvals first, then the longest waiting.
        approvals.sort(Comparator.comparing((WorkItem i) -> !i.approvals().requested()).thenComparing(WorkItem::stageEnteredAt)
                .thenComparing(i -> i.id().value()));
        handoffs.sort(Comparator.comparing((WorkItem i) -> i.pendingHandoff().sentAt()).thenComparing(i -> i.id().value()));
        mine.sort(Comparator.comparing(WorkItem::urgent).reversed().thenComparing(WorkItem::stageEnteredAt)
                .thenComparing(i -> i.id().value()));
        List<WorkViews.Card> atRisk = new ArrayList<>();
        for (List<WorkItem> list : List.of(mine, approvals, handoffs)) {
            for (WorkItem item : list) {
                WorkViews.Card card = views.card(item);
                if (card.sla().atRisk() && atRisk.stream().noneMatch(c -> c.id().equals(card.id()))) {
                    atRisk.add(card);
                }
            }
        }
        atRisk.sort(Comparator.comparing((WorkViews.Card c) -> !"bad".equals(c.sla().state())));
        page.addAttribute("mine", section(mine));
        page.addAttribute("approvals", section(approvals));
        page.addAttribute("handoffs", section(handoffs));
        page.addAttribute("atRisk", new Section(atRisk.size(), atRisk.subList(0, Math.min(SHOWN, atRisk.size()))));
        return "home";
    }

    private Section section(List<WorkItem> items) {
        return new Section(items.size(), items.stream().limit(SHOWN).map(views::card).toList());
    }
}
