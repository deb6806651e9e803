package dev.baton.app.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.rights.Rights;
import dev.baton.model.OperatingModel;
import dev.baton.model.validation.ModelValidation;
import org.junit.jupiter.api.Test;

/** Who may publish the roadmap, read off the example models' decision rights. */
class PublishRightTest {

    static OperatingModel model(String file) {
        return ModelValidation.validate(dev.baton.app.ProjectRoot.PATH.resolve("examples/" + file)).model();
    }

    @Test
    void theApproverOfStartingTopLevelWorkPublishes() {
        OperatingModel m = model("b2b-saas.yaml");
        assertThat(PublishRight.roots(m)).extracting(w -> w.id()).containsExactly("initiative");
        PublishRight right = PublishRight.of(m);
        Rights rights = new Rights(m);
        assertThat(right.heldBy(rights, "grace.lindqvist").where()).isEqualTo("approver of Proposal of Marketing initiative");
        assertThat(right.heldBy(rights, "maya.chen")).isNull();
        assertThat(right.sentence()).isEqualTo("Publishing the roadmap is a decision for the approver of Proposal of "
                + "Marketing initiative (Grace Lindqvist).");
    }

    @Test
    void withoutAHierarchyEveryWorkTypesFirstApproverHoldsIt() {
        OperatingModel m = model("content-team.yaml");
        assertThat(PublishRight.roots(m)).isEmpty();
        PublishRight right = PublishRight.of(m);
        assertThat(right.holders()).isNotEmpty();
        assertThat(right.heldBy(new Rights(m), "zoe.park")).isNotNull();
        assertThat(right.heldBy(new Rights(m), "ben.kowalski")).isNull();
    }
}
