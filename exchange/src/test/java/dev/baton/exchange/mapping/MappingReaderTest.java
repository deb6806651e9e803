package dev.baton.exchange.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.exchange.source.SourceItem;
import dev.baton.model.problem.Problem;
import dev.baton.model.validation.ModelValidation;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappingReaderTest {

    @Test
    void readsEverySection() {
        MappingReader.Result result = MappingReader.read("""
                stages:
                  In Progress: build
                people:
                  Maya Patel: maya
                  Sam Lee: { person: sam, function: content }
                work-types:
                  default: content-piece
                  by-type: { Campaign: campaign }
                  by-label: { launch: launch }
                fields:
                  map: { Due Date: due }
                  ignore: [Workflow, Rank]
                urgent:
                  priorities: [Highest]
                  labels: [fire-drill]
                """);

        assertThat(result.problems()).isEmpty();
        ImportMapping m = result.mapping();
        assertThat(m.stage("in progress")).contains("build");
        assertThat(m.person("Sam Lee")).contains(new ImportMapping.PersonRef("sam", "content"));
        assertThat(m.workType(new SourceItem("A-1", "Story", "MKT", List.of("launch"), null))).contains("launch");
        assertThat(m.workType(new SourceItem("A-1", "Campaign", "MKT", List.of("launch"), null))).contains("campaign");
        assertThat(m.workType(new SourceItem("A-1", "Bug", null, List.of(), null))).contains("content-piece");
        assertThat(m.ignores("rank")).isTrue();
        assertThat(m.urgentPriority("HIGHEST")).isTrue();
        assertThat(m.urgentLabel("fire-drill")).isTrue();
    }

    @Test
    void everyMistakeIsReportedWithItsPosition() {
        MappingReader.Result result = MappingReader.read("""
                stages:
                  In Progress: [build]
                peple:
                  Maya: maya
                urgent:
                  priority: [High]
                """);

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).extracting(p -> p.format("map.yaml")).containsExactly(
                "map.yaml:2:16: error: expected a stage id, found a list",
                "map.yaml:3:1: error: expected a key of a mapping file (source, stages, status-labels, people, "
                        + "work-types, fields, urgent, columns, completion), found 'peple' (did you mean 'people'?)",
                "map.yaml:6:3: error: expected a key of urgent rules (priorities, labels), found 'priority'");
    }

    @Test
    void idsThatTheModelDoesNotKnowAreErrorsAtTheirLine() {
        var model = ModelValidation.validate(dev.baton.exchange.Samples.root().resolve("examples/content-team.yaml")).model();
        MappingReader.Result result = MappingReader.read("""
                stages:
                  Doing: nonsense-stage
                people:
                  Maya Patel: nobody
                """);

        List<Problem> problems = MappingCheck.check(result, model);
        assertThat(problems).extracting(Problem::line).containsExactly(2, 4);
        assertThat(problems.get(0).message()).startsWith("expected a stage of a work type (").endsWith("found 'nonsense-stage'");
        assertThat(problems.get(1).message()).startsWith("expected a person of the model (");
    }

    @Test
    void completionSaysWhatCompletesAnItem() {
        MappingReader.Result result = MappingReader.read("""
                stages:
                  Resolved: done
                completion:
                  on: Done-Status
                  done-statuses: [Resolved, Closed]
                """);

        assertThat(result.problems()).isEmpty();
        Completion completion = result.mapping().completion();
        assertThat(completion.on()).isEqualTo(Completion.On.DONE_STATUS);
        assertThat(completion.byResolution()).isFalse();
        assertThat(completion.lists("closed", null)).isTrue();
        assertThat(completion.lists("In Review", "review")).isFalse();
        assertThat(MappingReader.read("stages: {Done: done}\n").mapping().completion()).isEqualTo(Completion.DEFAULT);
    }

    @Test
    void completionMistakesAreAllReportedAtTheirPositions() {
        MappingReader.Result result = MappingReader.read("""
                completion:
                  on: finished
                  done-statuss: [Done]
                people:
                  Maya: [maya]
                """);

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).extracting(p -> p.format("map.yaml")).containsExactly(
                "map.yaml:2:7: error: expected what completes an item (resolution, done-status, both), found 'finished'",
                "map.yaml:3:3: error: expected a key of completion rules (on, done-statuses), found 'done-statuss' "
                        + "(did you mean 'done-statuses'?)",
                "map.yaml:5:9: error: expected a person id of the model, or {person, function}, found a list");
    }

    @Test
    void aDoneStatusOfAStageThatEndsNoFlowIsAWarningWithTheModel() {
        var model = ModelValidation.validate(dev.baton.exchange.Samples.root().resolve("examples/content-team.yaml")).model();
        MappingReader.Result result = MappingReader.read("""
                stages:
                  In Review: edit
                  Live: publish
                completion:
                  done-statuses: [Live, In Review]
                """);

        List<Problem> problems = MappingCheck.check(result, model);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.format("map.yaml")).startsWith("map.yaml:5:25: warning: expected a status of a final stage (")
                    .endsWith("found 'In Review', which maps to 'edit': items entering it count as completed before "
                            + "the end of their flow");
        });
    }
}
