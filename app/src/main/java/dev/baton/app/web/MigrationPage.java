package dev.baton.app.web;

import dev.baton.app.migration.MigrationJson;
import dev.baton.app.security.BatonUser;
import dev.baton.engine.Actor;
import dev.baton.engine.Engine;
import dev.baton.engine.item.ItemFilter;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.migration.ItemMigration;
import dev.baton.engine.migration.MigrationPlan;
import dev.baton.engine.migration.MigrationProblem;
import dev.baton.engine.migration.MigrationRequest;
import dev.baton.engine.migration.MigrationResult;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.model.OperatingModel;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Migrate work in flight, reached from the model page after an upload: choose the versions, map
 * the stages the new version lacks, preview (which items move where, which cannot and why;
 * nothing recorded), then apply exactly the items the preview showed moving. Ops and admins only
 * (WebSecurity). The engine decides, as for {@code POST /api/v1/migrations}.
 */
@Controller
class MigrationPage {

    private final Engine engine;
    private final ModelVersions versions;

    MigrationPage(Engine engine, ModelVersions versions) {
        this.engine = engine;
        this.versions = versions;
    }

    /** A stage of the old version that the new one lacks while items sit in it: what needs mapping. */
    record Unmapped(String stage, long items) {
    }

    @GetMapping("/migrations")
    String form(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model page) {
        ModelVersion current = PageAdvice.current(versions);
        int toVersion = number(to, current.number());
        int fromVersion = number(from, Math.max(1, toVersion - 1));
        fill(page, String.valueOf(fromVersion), String.valueOf(toVersion), "");
        return "migrations";
    }

    @PostMapping("/migrations/preview")
    String preview(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String map, Model page, HttpServletResponse response) {
        MigrationPlan plan = engine.planMigration(request(from, to, map, List.of()));
        fill(page, from, to, map);
        if (!plan.valid()) {
            return refused(page, response, plan.problems());
        }
        page.addAttribute("plan", plan);
        page.addAttribute("rows", MigrationJson.plan(plan).get("items"));
        page.addAttribute("moving", plan.moving().stream().map(ItemMigration::item).toList());
        page.addAttribute("formKey", UUID.randomUUID().toString());
        return "migrations";
    }

    @PostMapping("/migrations")
    String apply(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) String map, @RequestParam(required = false) List<String> items,
                 @RequestParam(required = false) String key, @AuthenticationPrincipal BatonUser user, Model page,
                 RedirectAttributes flash, HttpServletResponse response) {
        if (items == null || items.isEmpty()) {
            fill(page, from, to, map);
            page.addAttribute("problem", "Nothing to migrate: the preview showed no item that can move. Preview again.");
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "migrations";
        }
        MigrationResult result = engine.migrate(request(from, to, map, items), new Actor(user.personId()),
                key == null || key.isBlank() ? null : user.username() + ":migration:" + key);
        if (!result.plan().valid()) {
            fill(page, from, to, map);
            return refused(page, response, result.plan().problems());
        }
        if (!result.applied()) {
            fill(page, from, to, map);
            page.addAttribute("problem", result.refusal().sentence());
            page.addAttribute("plan", result.plan());
            page.addAttribute("rows", MigrationJson.plan(result.plan()).get("items"));
            page.addAttribute("moving", List.of());
            response.setStatus(result.refusal().code() == dev.baton.engine.Rejection.Code.STALE_VERSION
                    ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "migrations";
        }
        long already = result.plan().count(ItemMigration.Status.ALREADY_MIGRATED);
        flash.addFlashAttribute("flash", result.recorded().isEmpty()
                ? "Nothing new was recorded: " + already + " item(s) had already been migrated to version " + to + "."
                : "Migrated " + result.recorded().size() + " item(s) from version " + from + " to version " + to
                + ". The engine now decides their commands against version " + to + ".");
        return "redirect:/migrations?from=" + result.plan().fromVersion() + "&to=" + result.plan().toVersion();
    }

    private String refused(Model page, HttpServletResponse response, List<MigrationProblem> problems) {
        boolean malformed = problems.stream().anyMatch(p -> p.kind() == MigrationProblem.Kind.MALFORMED);
        response.setStatus(malformed ? HttpStatus.BAD_REQUEST.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
        page.addAttribute("problem", "The migration has " + problems.size() + (problems.size() == 1 ? " mistake" : " mistakes")
                + "; nothing was migrated.");
        page.addAttribute("problems", problems);
        return "migrations";
    }

    private void fill(Model page, String from, String to, String map) {
        page.addAttribute("versions", versions.all().stream().map(ModelVersion::number).toList());
        page.addAttribute("from", from);
        page.addAttribute("to", to);
        page.addAttribute("map", map == null ? "" : map);
        int f = number(from, 0);
        int t = number(to, 0);
        page.addAttribute("unmapped", unmapped(f, t));
    }

    /** Stages of the old version with open items whose work type in the new version lacks them, and how many items. */
    private List<Unmapped> unmapped(int from, int to) {
        OperatingModel old = versions.get(from).map(ModelVersion::model).orElse(null);
        OperatingModel now = versions.get(to).map(ModelVersion::model).orElse(null);
        if (old == null || now == null || from == to) {
            return List.of();
        }
        Map<String, Long> counts = new TreeMap<>();
        for (WorkItem item : engine.matching(new ItemFilter(null, null, null, null, null, false)).toList()) {
            if (item.modelVersion() == from && now.workType(item.workType()).map(w -> w.stage(item.stage()).isEmpty())
                    .orElse(false)) {
                counts.merge(item.workType() + "/" + item.stage(), 1L, Long::sum);
            }
        }
        List<Unmapped> unmapped = new ArrayList<>();
        counts.forEach((stage, n) -> unmapped.add(new Unmapped(stage, n)));
        return unmapped;
    }

    /** One entry a line; blank lines and lines starting with # are left out. */
    static MigrationRequest request(String from, String to, String map, List<String> items) {
        List<String> entries = map == null ? List.of() : Arrays.stream(map.split("\r?\n")).map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        return new MigrationRequest(parse(from), parse(to), entries, items);
    }

    private static Integer parse(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return -1; // not a stored version: the engine says which versions exist
        }
    }

    private static int number(String text, int otherwise) {
        Integer n = parse(text);
        return n == null ? otherwise : n;
    }
}
