package dev.baton.measure.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.measure.outcome.StageRef;
import dev.baton.model.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutcomeMappingReaderTest {

    @Test
    void theExampleMappingReads() throws Exception {
        var r = OutcomeMappingReader.read(Files.readString(Path.of("..", "examples", "outcomes", "outcome-mapping.yaml")));

        assertThat(r.problems()).isEmpty();
        OutcomeMapping m = r.mapping();
        assertThat(m.stages().of("Discovery")).contains(StageRef.reached(3, false));
        assertThat(m.stages().of("recycled - nurture").orElseThrow().rejected()).isTrue();
        assertThat(m.identity().emails()).containsEntry("dee.park@gmail.com", "Dee Park");
        assertThat(m.campaigns().linkField()).isEqualTo("campaign-name");
        assertThat(m.handoff().sla()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void everyMistakeIsReportedWithItsLineAndColumn() {
        var r = OutcomeMappingReader.read("""
                dates: sideways
                stages:
                  Discovery: discovery
                columns:
                  salesforce-opportunities: {amount: ARR, price: Price}
                handoff:
                  to: accepted
                """);

        assertThat(r.valid()).isFalse();
        assertThat(r.problems()).extracting(p -> p.line() + ":" + p.column() + ": " + p.message()).containsExactly(
                "1:8: expected how slashed dates read (month-first, day-first), found 'sideways'",
                "3:14: expected a funnel stage, lost or rejected (lead, mql, sql, opportunity, won, lost, rejected), "
                        + "found 'discovery'",
                "5:43: expected a key of the fields of a Salesforce opportunities report (id, name, stage, amount, "
                        + "created, close, source, campaign, account, segment), found 'price'",
                "7:7: expected a funnel stage (lead, mql, sql, opportunity, won), found 'accepted'");
        assertThat(r.problems()).allMatch(Problem::isError);
    }

    @Test
    void customStagesNeedTheOpportunityStageNamed() {
        var r = OutcomeMappingReader.read("""
                funnel:
                  stages: [inquiry, mql, sal, deal, closed]
                  opportunity: deal
                handoff: {from: mql, to: sal}
                stages: {Contract Sent: deal, Closed Won: closed}
                """);

        assertThat(r.problems()).isEmpty();
        var stages = r.mapping().stages();
        assertThat(stages.of("Closed Won").orElseThrow().won()).isTrue();
        assertThat(stages.of("Closed Lost").orElseThrow().lost()).as("outcome defaults still apply").isTrue();
        assertThat(stages.of("Prospecting")).as("a default stage not in the list is unknown").isEmpty();
        assertThat(stages.id(stages.handoffTo())).isEqualTo("sal");

        assertThat(OutcomeMappingReader.read("funnel: {stages: [a, b]}").problems()).extracting(Problem::message)
                .containsExactly("expected 'funnel.opportunity' to name the stage an opportunity enters, found no stage "
                        + "'opportunity' among [a, b]");
    }
}
