package dev.baton.model.validation;

import static dev.baton.model.validation.Findings.CLEAN;
import static dev.baton.model.validation.Findings.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelValidationTest {

    @Test
    void theCleanFixtureHasNoProblemsAtAll() {
        ValidationReport report = Findings.of(CLEAN);
        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.model().workTypes().get(0).stages()).hasSize(3);
    }

    @Test
    void duplicateIdsAreReportedAtTheSecondOccurrence() {
        String yaml = CLEAN.replace("  - id: legal\n", "  - id: legal\n  - id: pmm\n");
        assertThat(errors(yaml)).containsExactly("7:duplicate-id");
        assertThat(Findings.of(yaml).errors().get(0).message()).contains("already a function at line 4");
    }

    @Test
    void partiesShareOneNamespaceAcrossFunctionsTeamsAndPeople() {
        String yaml = CLEAN.replace("  - id: ana\n", "  - id: legal\n");
        assertThat(errors(yaml)).contains("8:duplicate-id");
    }

    @Test
    void duplicateStageIdsWithinAWorkType() {
        String yaml = CLEAN.replace("- {id: publish, kind: making", "- {id: draft, kind: making");
        assertThat(errors(yaml)).contains("38:duplicate-id");
    }

    @Test
    void unknownReferencesSayWhatWasExpectedAndSuggestTheNearestId() {
        String yaml = CLEAN.replace("owner: content, exit", "owner: contnet, exit");
        ValidationReport report = Findings.of(yaml);
        assertThat(errors(yaml)).containsExactly("31:unknown-reference");
        assertThat(report.errors().get(0).message())
                .isEqualTo("expected a function, team or person (pmm, content, legal, ana), found 'contnet' (did you mean 'content'?)");
        assertThat(report.errors().get(0).column()).isEqualTo(42);
    }

    @Test
    void everyKindOfReferenceIsChecked() {
        String yaml = CLEAN
                .replace("success: [pipeline]", "success: [pipelin]")
                .replace("template: brief\n    success", "template: brif\n    success")
                .replace("function: pmm\n    capacity", "function: pm\n    capacity")
                .replace("transitions: [review -> draft]", "transitions: [review -> drat]")
                + """
                teams:
                  - {id: squad, function: pmm, members: [ana, bob]}
                """;
        assertThat(errors(yaml)).containsExactlyInAnyOrder(
                "9:unknown-reference", "28:unknown-reference", "29:unknown-reference", "39:unknown-reference",
                "43:unknown-reference");
    }

    @Test
    void aDecisionNeedsExactlyOneApprover() {
        assertThat(errors(CLEAN.replace("approver: legal,", "approver: [legal, pmm],")))
                .containsExactly("36:approver-count");
        assertThat(errors(CLEAN.replace("approver: legal, ", ""))).containsExactly("36:approver-count");
        assertThat(Findings.of(CLEAN.replace("approver: legal,", "approver: [legal, pmm],")).errors().get(0).message())
                .isEqualTo("expected exactly one accountable approver, found 2 (legal, pmm); keep one and list the others as contributors");
    }

    @Test
    void exitAndHandoffFieldsMustBeFieldsOfTheTemplate() {
        String yaml = CLEAN.replace("exit: [audience]", "exit: [audiense]").replace("requires: [audience]", "requires: [budget]");
        assertThat(errors(yaml)).containsExactly("31:field-not-in-template", "41:field-not-in-template");
        assertThat(Findings.of(yaml).errors().get(0).message()).endsWith("found 'audiense' (did you mean 'audience'?)");
    }

    @Test
    void exitFieldsWithoutAnyTemplateAreReported() {
        String yaml = CLEAN.replace("    template: brief\n", "");
        assertThat(errors(yaml)).contains("30:missing-template");
    }

    @Test
    void aHandoffMustSitOnAStageChangeOfTheFlow() {
        String yaml = CLEAN.replace("at: draft -> review", "at: draft -> publish");
        assertThat(errors(yaml)).containsExactly("41:not-a-stage-change");
        assertThat(Findings.of(yaml).errors().get(0).message()).contains("draft -> review, review -> publish, review -> draft");
    }

    @Test
    void handoffsAreBetweenFunctionsNotPeople() {
        String yaml = CLEAN.replace("from: content, to: pmm", "from: content, to: ana");
        assertThat(Findings.of(yaml).errors()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("unknown-reference");
            assertThat(p.message()).isEqualTo("expected a function, found the person 'ana' (use its function 'pmm')");
        });
    }

    @Test
    void unreachableStagesAndDeadEndsAreReported() {
        String unreachable = CLEAN.replace("    transitions: [review -> draft]\n", "    done: [review]\n    transitions: [review -> draft]\n");
        assertThat(errors(unreachable)).containsExactly("38:unreachable-stage");

        String deadEnd = CLEAN.replace("transitions: [review -> draft]", "transitions: [review -> draft]\n    done: [draft]");
        // draft is final, so nothing reaches review or publish, and the handoff after draft is no longer a stage change.
        assertThat(errors(deadEnd)).containsExactly("32:unreachable-stage", "38:unreachable-stage", "42:not-a-stage-change");

        // review is final but may also go on to publish, which leads nowhere.
        String deadEnd2 = CLEAN.replace("transitions: [review -> draft]", "transitions: [review -> draft, review -> publish]\n    done: [review]");
        assertThat(errors(deadEnd2)).containsExactly("38:no-path-to-done");
        assertThat(Findings.of(deadEnd2).errors().get(0).message())
                .isEqualTo("expected a way from stage 'publish' of asset to a final stage (review), found none (add a transition out of it, or list it under done)");
    }

    @Test
    void aCycleInTheWorkTypeHierarchyIsReportedOnce() {
        String model = CLEAN.replace("  - id: asset\n    template", "  - id: asset\n    parent: campaign\n    template")
                .replace("handoffs:\n", """
                          - id: campaign
                            parent: asset
                            success: pipeline
                            stages: [{id: run, kind: making, owner: pmm}]
                        handoffs:
                        """);
        assertThat(errors(model)).containsExactly("28:hierarchy-cycle");
        assertThat(Findings.of(model).errors().get(0).message()).endsWith("found a cycle asset > campaign > asset");
    }

    @Test
    void prioritizationInputsMustBeNumberFieldsOfEveryForm() {
        String yaml = CLEAN + """
                intake:
                  forms:
                    - {id: ask, template: brief, work-type: asset, submitters: [content]}
                  prioritization: {scheme: rice}
                """;
        ValidationReport report = Findings.of(yaml);
        assertThat(report.errors()).extracting(Problem::code).containsOnly("prioritization-input").hasSize(4);
        assertThat(report.errors().get(0).message()).contains("number field 'reach' for rice prioritisation");

        String weighted = yaml.replace("{scheme: rice}", "{scheme: weighted, weights: {channel: 2}}");
        assertThat(Findings.of(weighted).errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("to be a number for weighted prioritisation, found a enum field"));
    }

    @Test
    void allProblemsOfOneFileComeInOneRunInFileOrder() {
        String yaml = CLEAN
                .replace("capacity: 32h/week", "capacity: lots")
                .replace("owner: content, exit", "owner: contnet, exit")
                .replace("sla: 2d", "sla: two days")
                .replace("approver: legal,", "approver: [legal, pmm],")
                .replace("transitions:", "transitons:");
        assertThat(errors(yaml)).containsExactly(
                "10:bad-capacity", "31:unknown-reference", "35:bad-duration", "36:approver-count", "39:unknown-key");
    }

    @Test
    void aMissingFileAndNonUtf8TextAreReportedNotThrown(@TempDir Path dir) throws Exception {
        ValidationReport missing = ModelValidation.validate(dir.resolve("nope.yaml"));
        assertThat(missing.valid()).isFalse();
        assertThat(missing.errors()).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("unreadable-file"));

        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});
        assertThat(ModelValidation.validate(latin1).errors().get(0).message()).contains("not UTF-8");

        assertThat(ModelValidation.validate(dir).errors().get(0).message()).contains("found a directory");
    }

    @Test
    void stagesWithoutIdsDoNotStopTheOtherChecks() {
        String yaml = CLEAN.replace("- {id: publish, kind: making, owner: pmm}", "- {kind: making, owner: pmm, optional: true}")
                .replace("approver: legal,", "approver: legl,");
        assertThat(errors(yaml)).containsExactly("36:unknown-reference", "38:missing-key");
    }
}
