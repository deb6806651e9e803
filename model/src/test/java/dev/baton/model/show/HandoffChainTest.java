package dev.baton.model.show;

import dev.baton.model.BusinessFunction;
import dev.baton.model.Handoff;
import dev.baton.model.OperatingModel;
import dev.baton.model.StageKind;
import dev.baton.model.WorkType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.baton.model.show.Fixtures.handoff;
import static dev.baton.model.show.Fixtures.stage;
import static org.assertj.core.api.Assertions.assertThat;

class HandoffChainTest {

    @Test
    void handoffsFollowTheStagesNotTheDeclarationOrder() {
        OperatingModel acme = Fixtures.acme();
        HandoffChain chain = HandoffChain.of(acme, acme.workType("launch").orElseThrow());

        assertThat(chain.handoffs().stream().map(h -> h.at().toString())).containsExactly(
                "requirements -> brief", "review -> brief", "review -> build", "build -> enable-sales",
                "enable-sales -> launched");
        assertThat(chain.summary()).isEqualTo("Product -> PMM -> Content -> Sales -> CS");
    }

    @Test
    void aBreakInTheChainIsMarked() {
        WorkType w = new WorkType("w", "w", null, null, List.of(),
                List.of(stage("a", StageKind.MAKING, "pmm", null), stage("b", StageKind.MAKING, "content", null),
                        stage("c", StageKind.MAKING, "sales", null), stage("d", StageKind.MAKING, "cs", null)),
                List.of(), List.of());
        List<Handoff> handoffs = List.of(handoff("w", "pmm", "content", "a", "b", List.of(), List.of(), null),
                handoff("w", "sales", "cs", "c", "d", List.of(), List.of(), null));
        OperatingModel model = Fixtures.model(List.of(new BusinessFunction("pmm", "PMM")), List.of(), List.of(),
                List.of(), List.of(w), handoffs);

        assertThat(HandoffChain.of(model, w).summary()).isEqualTo("PMM -> content ... sales -> cs");
    }

    @Test
    void aWorkTypeWithoutHandoffsSaysSo() {
        OperatingModel acme = Fixtures.acme();
        WorkType w = new WorkType("solo", "solo", null, null, List.of(),
                List.of(stage("a", StageKind.MAKING, "pmm", null)), List.of(), List.of());

        assertThat(HandoffChain.of(acme, w).summary()).isEmpty();
        assertThat(HandoffChain.of(acme, w).render()).isEqualTo("  (no handoffs declared)\n");
    }
}
