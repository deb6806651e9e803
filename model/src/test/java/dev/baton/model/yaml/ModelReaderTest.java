package dev.baton.model.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.OperatingModel;
import dev.baton.model.StageKind;
import dev.baton.model.problem.Problem;
import dev.baton.model.problem.Problems;
import dev.baton.model.problem.SourceMap;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelReaderTest {

    private Problems problems;

    private OperatingModel read(String yaml) {
        problems = new Problems(new SourceMap());
        return ModelReader.read(yaml, problems);
    }

    private List<String> found() {
        return problems.sorted().stream().map(p -> p.line() + ":" + p.column() + ":" + p.code()).toList();
    }

    private Problem only() {
        assertThat(problems.sorted()).hasSize(1);
        return problems.sorted().get(0);
    }

    @Test
    void readsStagesWithTheirKindsOwnersDecisionsGatesAndSlas() {
        OperatingModel model = read("""
                apiVersion: baton/v1
                work-types:
                  - id: launch
                    stages:
                      - id: review
                        kind: Coordination
                        owner: pmm
                        sla: 1d12h
                        optional: true
                        decision: {driver: pmm, approver: product, contributors: content, informed: [sales, cs]}
                        gate: {approvers: [product, legal], mode: any}
                    transitions: ["review -> review", {from: review, to: review}]
                    done: review
                """);
        assertThat(found()).isEmpty();
        var stage = model.workTypes().get(0).stages().get(0);
        assertThat(stage.kind()).isEqualTo(StageKind.COORDINATION);
        assertThat(stage.sla().value()).isEqualTo(Duration.ofHours(36));
        assertThat(stage.optional()).isTrue();
        assertThat(stage.decision().contributors()).containsExactly("content");
        assertThat(stage.decision().informed()).containsExactly("sales", "cs");
        assertThat(stage.gate().mode().id()).isEqualTo("any");
        assertThat(model.workTypes().get(0).transitions()).hasSize(2);
        assertThat(model.workTypes().get(0).done()).containsExactly("review");
    }

    @Test
    void syntaxErrorsAreReportedWithTheirPosition() {
        read("apiVersion: baton/v1\nfunctions:\n  - id: pmm\n    name: [unclosed\n");
        Problem p = only();
        assertThat(p.code()).isEqualTo("yaml-syntax");
        assertThat(p.line()).isEqualTo(5);
        assertThat(p.message()).startsWith("invalid YAML:");
    }

    @Test
    void tabsAndBadIndentationAreSyntaxErrors() {
        read("apiVersion: baton/v1\nfunctions:\n\t- id: pmm\n");
        assertThat(only().code()).isEqualTo("yaml-syntax");
        assertThat(only().line()).isEqualTo(3);
    }

    @Test
    void unknownKeysSuggestTheIntendedOne() {
        read("apiVersion: baton/v1\nfunctons:\n  - id: pmm\n");
        Problem p = only();
        assertThat(p.code()).isEqualTo("unknown-key");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(1);
        assertThat(p.message()).endsWith("found 'functons' (did you mean 'functions'?)");
    }

    @Test
    void repeatedKeysAreReportedAtTheRepeat() {
        read("apiVersion: baton/v1\nname: a\nname: b\n");
        assertThat(found()).containsExactly("3:1:duplicate-key");
        assertThat(only().message()).contains("first at line 2");
    }

    @Test
    void wrongTypesSayWhatWasExpectedAndWhatWasFound() {
        read("""
                apiVersion: baton/v1
                functions: pmm
                metrics:
                  - {id: nps, target: high}
                work-types:
                  - id: x
                    stages: {id: a}
                """);
        assertThat(found()).containsExactly("2:12:wrong-type", "4:23:wrong-type", "7:13:wrong-type");
        assertThat(problems.sorted().get(0).message()).isEqualTo("expected a list of functions, found 'pmm'");
        assertThat(problems.sorted().get(1).message()).isEqualTo("expected a number, found 'high'");
        assertThat(problems.sorted().get(2).message()).isEqualTo("expected a list of stages, found a mapping");
    }

    @Test
    void badDurationsCapacitiesKindsAndIds() {
        read("""
                apiVersion: baton/v1
                people:
                  - {id: ana, function: pmm, capacity: full-time}
                  - {id: Bob Smith, function: pmm}
                work-types:
                  - id: x
                    stages:
                      - {id: a, kind: doing, sla: soon}
                """);
        assertThat(found()).containsExactly("3:40:bad-capacity", "4:10:bad-id", "8:23:bad-value", "8:35:bad-duration");
        assertThat(problems.sorted().get(3).message())
                .isEqualTo("expected a duration like 3d, 36h, 90m or 1d12h, found 'soon'");
    }

    @Test
    void missingRequiredKeysAreReportedOnTheirItem() {
        read("""
                apiVersion: baton/v1
                functions:
                  - name: Product
                work-types:
                  - id: x
                """);
        assertThat(found()).containsExactly("3:5:missing-key", "5:5:missing-key");
        assertThat(problems.sorted().get(0).message()).isEqualTo("expected 'id' (a function id) here, found no such key");
    }

    @Test
    void theApiVersionIsChecked() {
        read("apiVersion: baton/v2\n");
        assertThat(found()).containsExactly("1:13:api-version");
        read("name: no version\n");
        assertThat(found()).containsExactly("1:1:missing-key");
    }

    @Test
    void emptyFilesAndNonMappingsAreExplained() {
        assertThat(read("")).isNull();
        assertThat(only().code()).isEqualTo("empty-model");
        assertThat(read("- just\n- a list\n")).isNull();
        assertThat(only().message()).isEqualTo("expected an operating model, found a list");
    }

    @Test
    void enumFieldsNeedValuesAndOnlyEnumsMayHaveThem() {
        read("""
                apiVersion: baton/v1
                templates:
                  - id: brief
                    fields:
                      - {id: channel, type: enum}
                      - {id: budget, type: number, values: [1, 2]}
                      - {id: due, type: when}
                """);
        assertThat(found()).containsExactly("5:9:missing-key", "6:44:bad-value", "7:25:bad-value");
    }

    @Test
    void aFieldMayDescribeWhatToFillInAsText() {
        OperatingModel model = read("""
                apiVersion: baton/v1
                templates:
                  - id: brief
                    fields:
                      - {id: impact, type: number, description: "3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal"}
                      - {id: reach, type: number}
                """);
        assertThat(found()).isEmpty();
        assertThat(model.templates().get(0).fields()).extracting(dev.baton.model.Field::description)
                .containsExactly("3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal", null);

        read("""
                apiVersion: baton/v1
                templates:
                  - id: brief
                    fields:
                      - {id: impact, type: number, description: {scale: 3}}
                """);
        assertThat(found()).hasSize(1);
    }

    @Test
    void aSecondDocumentIsAnError() {
        read("apiVersion: baton/v1\n---\napiVersion: baton/v1\n");
        assertThat(only().message()).isEqualTo("expected one YAML document, found a second one");
    }

    @Test
    void anchorsAndAliasesWorkForSharedBlocks() {
        OperatingModel model = read("""
                apiVersion: baton/v1
                work-types:
                  - id: x
                    stages:
                      - {id: a, kind: making, decision: &std {driver: pmm, approver: legal}}
                      - {id: b, kind: making, decision: *std}
                """);
        assertThat(found()).isEmpty();
        assertThat(model.workTypes().get(0).stages().get(1).decision().approver()).isEqualTo("legal");
    }

    @Test
    void aFileThatExpandsBeyondReasonStopsWithOneError() {
        String yaml = "apiVersion: baton/v1\nfunctions:\n" + "  - {id: f, name: n}\n".repeat(70_000);
        read(yaml);
        assertThat(problems.sorted()).filteredOn(p -> p.code().equals("too-large")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("expected at most 200000 values"));
    }
}
