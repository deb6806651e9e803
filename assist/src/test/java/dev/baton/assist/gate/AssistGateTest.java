package dev.baton.assist.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.assist.Assistant;
import dev.baton.assist.Examples;
import dev.baton.assist.Simulated;
import dev.baton.model.Intake;
import dev.baton.model.OperatingModel;
import org.junit.jupiter.api.Test;

/** The gate in front of the assistants, on a simulated quarter of the B2B SaaS example. */
class AssistGateTest {

    @Test
    void aReadyWorkTypeGetsItsAssistant() {
        Gate gate = AssistGate.forWorkType(Assistant.BRIEF_DRAFT, Simulated.REPORT, "campaign", null);
        assertThat(gate.ready()).isTrue();
        assertThat(gate.allowed()).isTrue();
        assertThat(gate.failing()).isEmpty();
        assertThat(gate.conditions()).extracting(GateCondition::id).contains("clear-inputs-outputs", "defined-handoffs",
                "system-of-record", "debt-not-severe");
    }

    @Test
    void aWorkTypeThatIsNotReadyIsRefusedWithEachFailingConditionAndItsFix() {
        Gate gate = AssistGate.forWorkType(Assistant.BRIEF_DRAFT, Simulated.REPORT, "initiative", null);
        assertThat(gate.ready()).isFalse();
        assertThat(gate.allowed()).isFalse();
        assertThat(gate.failing()).extracting(GateCondition::id)
                .containsExactly("clear-inputs-outputs", "prioritised-work", "standard-templates");
        assertThat(gate.failing()).allSatisfy(c -> assertThat(c.fix()).isNotBlank());
        assertThat(gate.explain()).contains("standard-templates (Standard templates): no template is declared for this "
                + "work type; fix: declare a template with required fields and name it in the work type (template:)");
        // The same conditions the debt report shows: one rule, read, not re-derived.
        assertThat(gate.failing()).extracting(GateCondition::reason).containsExactlyElementsOf(
                Simulated.REPORT.aiReadiness().stream().filter(r -> r.workType().equals("initiative")).findFirst().orElseThrow()
                        .conditions().stream().filter(c -> !c.pass()).map(c -> c.reason()).toList());
    }

    @Test
    void anOverrideWithAReasonEnablesItAndIsKept() {
        Gate gate = AssistGate.forWorkType(Assistant.BRIEF_DRAFT, Simulated.REPORT, "product-launch", "  pilot with PMM  ");
        assertThat(gate.ready()).isFalse();
        assertThat(gate.allowed()).isTrue();
        assertThat(gate.override()).isEqualTo("pilot with PMM");
        assertThat(gate.failing()).extracting(GateCondition::id).containsExactly("prioritised-work");
        // A blank reason is no override, and a ready work type needs none.
        assertThat(AssistGate.forWorkType(Assistant.BRIEF_DRAFT, Simulated.REPORT, "product-launch", " ").allowed()).isFalse();
        assertThat(AssistGate.forWorkType(Assistant.BRIEF_DRAFT, Simulated.REPORT, "campaign", "why not").override()).isNull();
    }

    @Test
    void intakeAssistantsAreGatedByTheIntakesOwnReadiness() {
        OperatingModel model = Examples.b2b();
        assertThat(AssistGate.forIntake(Assistant.SIMILAR_REQUESTS, model, null).ready()).isTrue();
        assertThat(AssistGate.forIntake(Assistant.SIMILAR_REQUESTS, Examples.model("content-team.yaml"), null).ready()).isTrue();

        OperatingModel noIntake = new OperatingModel(model.apiVersion(), model.name(), model.version(), model.functions(),
                model.teams(), model.people(), model.components(), model.metrics(), model.templates(), model.workTypes(),
                model.handoffs(), Intake.NONE, model.debt());
        Gate gate = AssistGate.forIntake(Assistant.ROUTING, noIntake, null);
        assertThat(gate.allowed()).isFalse();
        assertThat(gate.failing()).extracting(GateCondition::id)
                .containsExactly("intake-forms", "form-templates", "form-work-types", "prioritisation-scheme");
        assertThat(gate.failing().get(0).fix()).contains("intake: forms:");
        assertThat(AssistGate.forIntake(Assistant.ROUTING, noIntake, "triage pilot").allowed()).isTrue();

        OperatingModel unranked = new OperatingModel(model.apiVersion(), model.name(), model.version(), model.functions(),
                model.teams(), model.people(), model.components(), model.metrics(), model.templates(), model.workTypes(),
                model.handoffs(), new Intake(model.intake().forms(), null), model.debt());
        assertThat(AssistGate.forIntake(Assistant.ROUTING, unranked, null).failing()).extracting(GateCondition::id)
                .containsExactly("prioritisation-scheme");
    }
}
