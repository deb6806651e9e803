package dev.baton.insight.debt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.insight.debt.DebtReport.Condition;
import dev.baton.insight.debt.DebtReport.WorkTypeReadiness;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** AI readiness and the phase assessment on the two hand-made items of {@link DebtComponentsTest}. */
class ReadinessAndPhasesTest {

    static DebtReport report() throws IOException {
        ValidationReport validation = ModelValidation.validate("tiny.yaml", HandMadeLog.MODEL);
        return DebtAnalysis.analyze(validation.model(), validation.warnings(), "hand-made.jsonl",
                sink -> DebtComponentsTest.twoItems().events().forEach(sink));
    }

    @Test
    void eachConditionPassesOrFailsWithItsReason() throws IOException {
        WorkTypeReadiness post = report().aiReadiness().get(0);
        Map<String, Condition> byId = post.conditions().stream().collect(Collectors.toMap(Condition::id, c -> c));

        assertThat(post.workType()).isEqualTo("post");
        // The seven conditions of PRODUCT.md, and the debt not being severe.
        assertThat(post.conditions()).hasSize(8);
        assertThat(post.ready()).isFalse();
        // Both items had the one required field (title) filled; draft lists its exit field.
        assertThat(byId.get("clear-inputs-outputs").pass()).isTrue();
        assertThat(byId.get("clear-inputs-outputs").reason()).contains("1 required input(s)").contains("100% of items");
        // Handoff debt of post is 1 of 2 handoffs.
        assertThat(byId.get("defined-handoffs").pass()).isFalse();
        assertThat(byId.get("defined-handoffs").reason()).isEqualTo("handoffs debt 50% (above 20%)");
        // Every stage is owned, but 54 of 86 item-hours had no owner.
        assertThat(byId.get("defined-ownership").pass()).isFalse();
        assertThat(byId.get("defined-ownership").reason()).isEqualTo("63% of item-time had no owner");
        // Flow-conformance debt 1/17 = 6%.
        assertThat(byId.get("structured-workflow").pass()).isTrue();
        // An intake form, but no scheme ranks its queue, and no item carries priority inputs.
        assertThat(byId.get("prioritised-work").pass()).isFalse();
        assertThat(byId.get("prioritised-work").reason()).isEqualTo("the intake has no prioritisation scheme");
        assertThat(byId.get("standard-templates").reason()).isEqualTo("template 'brief' with 1 required field(s)");
        // Two items are too few to judge a work type's readiness on (at least 20).
        assertThat(byId.get("system-of-record").pass()).isFalse();
        assertThat(byId.get("system-of-record").reason()).isEqualTo("only 2 item(s) of this work type in the log; "
                + "readiness is judged on at least 20");
        assertThat(byId.get("debt-not-severe").pass()).isTrue();
    }

    @Test
    void phasesAreCompleteInOrderAndTheNextStepIsTheFirstFailingCheck() throws IOException {
        DebtReport.PhaseAssessment phases = report().phases();
        // Phase 1: stages, a gate, people with capacity, a metric with a target. Phase 2: every core
        // component and stage owned, both cross-function changes declared, every stage with an
        // approver. Phase 3 fails: the intake form has no prioritisation scheme.
        assertThat(phases.completed()).isEqualTo(2);
        assertThat(phases.current()).isEqualTo(3);
        assertThat(phases.nextStep()).isEqualTo("Phase 3 (Standard workflows, templates and inputs): choose a "
                + "prioritisation scheme (rice, wsjf or weighted) for the intake queue");
        assertThat(phases.phases()).extracting(DebtReport.Phase::complete).containsExactly(true, true, false, false);
    }
}
