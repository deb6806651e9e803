package dev.baton.model.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.OperatingModel;
import dev.baton.model.edit.EditRefused;
import dev.baton.model.edit.ModelEdit;
import dev.baton.model.edit.ModelEditor;
import dev.baton.model.validation.ModelValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two versions of the B2B SaaS example, the second made from the first with the model editor, read
 * as a marketing-ops lead would review them: each change once, in a sentence.
 */
class ModelComparisonTest {

    static final Path EXAMPLE = Path.of("../examples/b2b-saas.yaml");

    static OperatingModel model(String text) {
        var report = ModelValidation.validate("model.yaml", text);
        assertThat(report.errors()).isEmpty();
        return report.model();
    }

    static String edited(String text, ModelEdit... edits) throws EditRefused {
        return ModelEditor.apply("model.yaml", text, edits).text();
    }

    @Test
    void theSameModelHasNoChanges() throws IOException {
        String text = Files.readString(EXAMPLE);
        assertThat(ModelComparison.compare(model(text), model(text))).isEmpty();
    }

    @Test
    void everyChangeIsNamedOnceInASentence() throws Exception {
        String before = Files.readString(EXAMPLE);
        Map<String, Object> legalReview = new LinkedHashMap<>();
        legalReview.put("id", "legal-review");
        legalReview.put("kind", "coordination");
        legalReview.put("owner", "legal");
        legalReview.put("sla", "3d");
        String after = edited(before,
                ModelEdit.set("work-types[campaign].stages[brief-review].sla", "1d"),
                ModelEdit.set("work-types[campaign].stages[results].sla", "2w"),
                ModelEdit.set("work-types[campaign].stages[qa].owner", "demand-team"),
                ModelEdit.set("work-types[campaign].stages[brief-review].gate.mode", "any"),
                ModelEdit.insert("work-types[campaign].stages", 3, legalReview));
        List<String> sentences = ModelComparison.compare(model(before), model(after)).stream()
                .map(ModelChange::sentence).toList();
        assertThat(sentences).containsExactly(
                "Campaign › brief-review: SLA tightened from 2d to 1d",
                "Campaign › brief-review: approval mode changed from all to any",
                "Stage legal-review added to Campaign (after build)",
                "Campaign › qa: owner changed from jon.ito to demand-team",
                "Campaign › results: SLA loosened from 1w to 2w");
    }

    @Test
    void changesCarryWhereTheyAreAndTheirValues() throws Exception {
        String before = Files.readString(EXAMPLE);
        String after = edited(before, ModelEdit.set("work-types[campaign].stages[qa].sla", "4h"),
                ModelEdit.remove("work-types[campaign].stages[qa].gate"));
        List<ModelChange> changes = ModelComparison.compare(model(before), model(after));
        assertThat(changes).containsExactly(
                new ModelChange("stage", ModelChange.Kind.TIGHTENED, "campaign", "work-types[campaign].stages[qa].sla",
                        "1d", "4h", "Campaign › qa: SLA tightened from 1d to 4h"),
                new ModelChange("gate", ModelChange.Kind.REMOVED, "campaign", "work-types[campaign].stages[qa].gate",
                        "jon.ito", null, "Campaign › qa: gate removed"));
    }

    @Test
    void removedThingsAndMembersAreNamed() throws Exception {
        String before = Files.readString(EXAMPLE);
        String after = edited(before,
                ModelEdit.replace("work-types[campaign].stages[brief-review].gate.approvers", List.of("maya.chen", "grace.lindqvist")),
                ModelEdit.remove("work-types[campaign].stages[live].decision.informed"));
        assertThat(ModelComparison.compare(model(before), model(after))).extracting(ModelChange::sentence).containsExactly(
                "Campaign › brief-review: approvers + grace.lindqvist; − nora.haddad",
                "Campaign › live: informed (I) − sales");
    }
}
