package dev.baton.app.web;

import dev.baton.app.security.BatonUser;
import dev.baton.engine.Engine;
import dev.baton.engine.item.ItemFilter;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemCommand;
import dev.baton.engine.rights.Names;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.WorkType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A board per work type: the stages of the current model as columns with their counts, the open
 * items as cards (owner, due date, SLA state, urgency). Moving a card runs the engine's move
 * command — the same one the API runs — and a refused move shows the rule that blocked it on the
 * card. With htmx the board is re-rendered in place; without JavaScript the form posts and
 * redirects back.
 */
@Controller
class BoardPage {

    /**
     * Cards shown per column unless the page asks for more ("show more"); the count above the
     * column is always the full number. Rendering the cards is most of a large board's time.
     */
    static final int CARDS_PER_COLUMN = 20;

    /** The most cards per column a page may ask for. */
    static final int MAX_CARDS_PER_COLUMN = 500;

    private final Engine engine;
    private final ModelVersions versions;
    private final WorkViews views;
    private final Commands commands;

    BoardPage(Engine engine, ModelVersions versions, WorkViews views, Commands commands) {
        this.engine = engine;
        this.versions = versions;
        this.views = views;
        this.commands = commands;
    }

    record Column(String id, String name, String kind, String sla, boolean gated, int count, int blocked,
                  int urgent, List<WorkViews.Card> cards) {
        public int hidden() {
            return count - cards.size();
        }
    }

    record Wip(String person, long items) {
    }

    @GetMapping("/boards/{workType}")
    String board(@PathVariable String workType, @RequestParam(required = false) String cards, Model page) {
        fill(page, workType, cardsPerColumn(cards));
        return "board";
    }

    /** A link edited by hand ({@code ?cards=abc}) shows the default board rather than an error page. */
    static int cardsPerColumn(String asked) {
        if (asked == null) return CARDS_PER_COLUMN;
        try {
            return Math.max(1, Math.min(Integer.parseInt(asked.trim()), MAX_CARDS_PER_COLUMN));
        } catch (NumberFormatException notANumber) {
            return CARDS_PER_COLUMN;
        }
    }

    @PostMapping("/boards/{workType}/move")
    String move(@PathVariable String workType, @RequestParam String item, @RequestParam String stage,
                @RequestParam(required = false) Long version, @RequestParam(required = false) String key,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                @AuthenticationPrincipal BatonUser user, Model page, RedirectAttributes flash,
                HttpServletResponse response) {
        Commands.Outcome outcome = commands.item(user, item, version, key, new WorkItemCommand.MoveTo(stage));
        if (htmx == null) {
            flash.addFlashAttribute(outcome.ok() ? "flash" : "problem", outcome.message());
            flash.addFlashAttribute("rejectedItem", outcome.ok() ? null : item);
            return "redirect:/boards/" + workType;
        }
        if (!outcome.ok()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            page.addAttribute("problem", outcome.message());
            page.addAttribute("rejectedItem", item);
        } else {
            page.addAttribute("flash", outcome.message());
        }
        fill(page, workType, CARDS_PER_COLUMN);
        return "board :: columns";
    }

    private void fill(Model page, String workTypeId, int shown) {
        ModelVersion current = PageAdvice.current(versions);
        OperatingModel model = current.model();
        WorkType type = current.model().workType(workTypeId).orElse(null);
        Integer fromVersion = null;
        if (type == null) {
            // A work type the current version dropped keeps its board while items of it are open.
            for (var dropped : PageAdvice.dropped(versions, engine, model).entrySet()) {
                if (dropped.getKey().id().equals(workTypeId)) {
                    type = dropped.getKey();
                    fromVersion = dropped.getValue();
                }
            }
            if (type == null) {
                type = PageAdvice.workType(current, workTypeId);
            }
        }
        // Only this work type's items (the engine keeps them apart), none sorted whole: a board of
        // 100,000 items shows only the top cards; the WIP per person is kept by the engine as well.
        Map<String, List<WorkItem>> byStage = new HashMap<>();
        int[] completed = {0};
        engine.matching(new ItemFilter(type.id(), null, null, null, null, null)).forEach(item -> {
            if (item.completed()) {
                completed[0]++;
            } else {
                byStage.computeIfAbsent(item.stage(), s -> new ArrayList<>()).add(item);
            }
        });
        int open = byStage.values().stream().mapToInt(List::size).sum();
        List<Column> columns = new ArrayList<>();
        for (Stage stage : type.stages()) {
            columns.add(column(stage.id(), Names.stage(type, stage.id()), stage.kind() == null ? null : stage.kind().id(),
                    stage.sla() == null ? null : stage.sla().text(), stage.gate() != null,
                    byStage.getOrDefault(stage.id(), List.of()), shown));
            byStage.remove(stage.id());
        }
        // Items of an older model version may sit in a stage the current version no longer has.
        byStage.forEach((stage, items) -> columns.add(column(stage, Names.words(stage) + " (older model version)",
                null, null, false, items, shown)));
        page.addAttribute("workType", type.id());
        page.addAttribute("workTypeName", Names.workType(type));
        page.addAttribute("fromVersion", fromVersion);
        page.addAttribute("currentVersion", current.number());
        page.addAttribute("columns", columns);
        page.addAttribute("open", open);
        page.addAttribute("completed", completed[0]);
        Integer limit = model.debt() == null ? null : model.debt().wipLimit();
        page.addAttribute("wipLimit", limit);
        page.addAttribute("overWip", overWip(model, limit, engine.openByOwner()));
        page.addAttribute("formKey", UUID.randomUUID().toString());
        page.addAttribute("more", Math.min(shown + CARDS_PER_COLUMN, MAX_CARDS_PER_COLUMN));
    }

    /** Urgent first, then whoever has waited longest in the stage: the cards that need attention. */
    static final Comparator<WorkItem> ATTENTION = Comparator.comparing(WorkItem::urgent).reversed()
            .thenComparing(WorkItem::stageEnteredAt).thenComparing(i -> i.id().value());

    private Column column(String id, String name, String kind, String sla, boolean gated, List<WorkItem> items,
                          int shown) {
        List<WorkViews.Card> cards = first(items, ATTENTION, shown).stream().map(views::card).toList();
        int blocked = (int) items.stream().filter(WorkItem::blocked).count();
        int urgent = (int) items.stream().filter(WorkItem::urgent).count();
        return new Column(id, name, kind, sla, gated, items.size(), blocked, urgent, cards);
    }

    /** The first {@code n} items in {@code order}, without sorting them all: a heap of n. */
    static List<WorkItem> first(List<WorkItem> items, Comparator<WorkItem> order, int n) {
        PriorityQueue<WorkItem> kept = new PriorityQueue<>(n + 1, order.reversed());
        for (WorkItem item : items) {
            kept.add(item);
            if (kept.size() > n) {
                kept.poll();
            }
        }
        List<WorkItem> first = new ArrayList<>(kept);
        first.sort(order);
        return first;
    }

    /** People with more open items (all work types) than the model's WIP limit, most loaded first. */
    private static List<Wip> overWip(OperatingModel model, Integer limit, Map<String, Long> openByOwner) {
        if (limit == null) {
            return List.of();
        }
        return openByOwner.entrySet().stream().filter(e -> e.getValue() > limit)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Wip(Names.person(model, e.getKey()), e.getValue())).toList();
    }
}
