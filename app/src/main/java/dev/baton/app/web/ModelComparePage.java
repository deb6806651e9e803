package dev.baton.app.web;

import dev.baton.engine.Engine;
import dev.baton.engine.migration.ItemMigration;
import dev.baton.engine.migration.MigrationPlan;
import dev.baton.engine.migration.MigrationRequest;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.model.compare.LineDiff;
import dev.baton.model.compare.ModelChange;
import dev.baton.model.compare.ModelComparison;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Two model versions side by side as the people who own the model review them: what changed in
 * sentences (stages added, owners changed, SLAs tightened), the YAML lines that changed, and the
 * open items of the older version the newer one affects, as the migration preview finds them.
 */
@Controller
class ModelComparePage {

    private final ModelVersions versions;
    private final Engine engine;

    ModelComparePage(ModelVersions versions, Engine engine) {
        this.versions = versions;
        this.engine = engine;
    }

    /** The open items a version change touches: how many move as they are, and why the others cannot. */
    record Affected(long moves, long refused, long alreadyMigrated, long completed, Map<String, Long> reasons) {
    }

    @GetMapping("/model/compare")
    String compare(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model page) {
        ModelVersion current = PageAdvice.current(versions);
        ModelVersion after = version(to, current.number());
        ModelVersion before = version(from, Math.max(1, after.number() - 1));
        page.addAttribute("versions", versions.all().stream().map(ModelVersion::number).toList());
        page.addAttribute("from", before.number());
        page.addAttribute("to", after.number());
        List<ModelChange> changes = ModelComparison.compare(before.model(), after.model());
        // work types first, in the newer model's order; then what is not about one work type
        Map<String, List<ModelChange>> byWorkType = changes.stream().collect(Collectors.groupingBy(
                c -> c.workType() == null ? "" : c.workType(), LinkedHashMap::new, Collectors.toList()));
        page.addAttribute("changes", changes);
        page.addAttribute("byWorkType", byWorkType);
        page.addAttribute("workTypeNames", after.model().workTypes().stream().collect(Collectors.toMap(
                w -> w.id(), w -> w.name(), (a, b) -> a)));
        page.addAttribute("diff", LineDiff.hunks(LineDiff.of(before.source(), after.source()), 3));
        if (before.number() != after.number()) {
            page.addAttribute("affected", affected(engine.planMigration(new MigrationRequest(before.number(),
                    after.number(), List.of(), List.of()))));
        }
        return "model-compare";
    }

    private ModelVersion version(String text, int otherwise) {
        int number;
        try {
            number = text == null || text.isBlank() ? otherwise : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new PageAdvice.NotFound("'" + text + "' is no model version; the versions are numbered 1, 2, 3 …");
        }
        return versions.get(number).orElseThrow(() -> new PageAdvice.NotFound("There is no model version " + number
                + "; the model page lists the stored versions"));
    }

    private static Affected affected(MigrationPlan plan) {
        if (!plan.valid()) {
            return null;
        }
        Map<String, Long> reasons = new TreeMap<>(plan.items().stream()
                .filter(i -> i.status() == ItemMigration.Status.REFUSED && i.refusal() != null)
                .collect(Collectors.groupingBy(i -> i.refusal().reason().id(), Collectors.counting())));
        return new Affected(plan.count(ItemMigration.Status.MOVES), plan.count(ItemMigration.Status.REFUSED),
                plan.count(ItemMigration.Status.ALREADY_MIGRATED), plan.completed(), reasons);
    }
}
