package dev.baton.model.validation;

import static dev.baton.model.validation.Findings.CLEAN;
import static dev.baton.model.validation.Findings.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Warnings are debt the model itself declares; they never make a model invalid. */
class DebtSmellsTest {

    @Test
    void componentsWithNoOwnerOrSeveralOwners() {
        String yaml = CLEAN.replace("{id: data, owner: ana}", "{id: data}")
                .replace("{id: reporting, owner: pmm}", "{id: reporting, owner: [pmm, content]}");
        assertThat(warnings(yaml)).containsExactly("16:component-owner", "17:component-owner");
        assertThat(Findings.of(yaml).valid()).isTrue();
        assertThat(Findings.of(yaml).warnings().get(1).message())
                .isEqualTo("component 'reporting' has 2 owners (pmm, content): shared ownership is no ownership, pick one");
    }

    @Test
    void coreComponentsThatNobodyOwns() {
        String yaml = CLEAN.replace("  - {id: instrumentation, owner: pmm}\n", "").replace("  - {id: data, owner: ana}\n", "");
        assertThat(Findings.of(yaml).warnings()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("core-component-missing");
            assertThat(p.message()).startsWith("no owner is declared for data, instrumentation");
        });
    }

    @Test
    void stagesWithNoOwnerAndCoordinationWithNoSla() {
        String yaml = CLEAN.replace("{id: publish, kind: making, owner: pmm}", "{id: publish, kind: making}")
                .replace("        sla: 2d\n", "");
        assertThat(Findings.of(yaml).valid()).isTrue();
        assertThat(warnings(yaml)).containsExactly("32:coordination-sla", "37:stage-owner");
    }

    @Test
    void aCrossFunctionStageChangeWithoutAHandoff() {
        String yaml = CLEAN.replace("handoffs:\n  - {work-type: asset, from: content, to: pmm, at: draft -> review, requires: [audience], sla: 1d}\n", "");
        assertThat(warnings(yaml)).containsExactly("34:missing-handoff");
        assertThat(Findings.of(yaml).warnings().get(0).message()).isEqualTo(
                "stage change draft -> review of asset moves work from content to pmm with no declared handoff: "
                        + "add one under handoffs with what must be handed over");
    }

    @Test
    void reworkGoingBackIsNotAMissingHandoff() {
        // review (pmm) -> draft (content) crosses functions but goes backwards: a bounce-back, not a handoff.
        assertThat(Findings.of(CLEAN).warnings()).isEmpty();
    }

    @Test
    void workWithNoSuccessMetric() {
        String yaml = CLEAN.replace("    success: [pipeline]\n", "");
        assertThat(warnings(yaml)).containsExactly("27:no-success-metric");
    }

    @Test
    void aGateWithMoreThanTwoApproversWhoMustAllSignOff() {
        String chain = CLEAN.replace("gate: {approvers: [legal, pmm], mode: all}", "gate: {approvers: [legal, pmm, content], mode: all}");
        assertThat(warnings(chain)).containsExactly("37:long-approval-chain");
        String anyOfThree = CLEAN.replace("gate: {approvers: [legal, pmm], mode: all}", "gate: {approvers: [legal, pmm, content], mode: any}");
        assertThat(warnings(anyOfThree)).isEmpty();
    }

    @Test
    void anOwnerThatIsWrittenButInvalidIsAnErrorNotAlsoAMissingOwner() {
        String yaml = CLEAN.replace("{id: publish, kind: making, owner: pmm}", "{id: publish, kind: making, owner: [pmm, content]}");
        ValidationReport report = Findings.of(yaml);
        assertThat(Findings.errors(yaml)).containsExactly("38:wrong-type");
        assertThat(report.errors().get(0).message()).startsWith("expected one owner (a function, team or person), found a list");
        assertThat(report.warnings()).isEmpty();
    }
}
