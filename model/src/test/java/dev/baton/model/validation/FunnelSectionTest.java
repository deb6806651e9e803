package dev.baton.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.FunnelSettings;
import dev.baton.model.problem.Problem;
import org.junit.jupiter.api.Test;

class FunnelSectionTest {

    @Test
    void aModelWithoutAFunnelHasNone() {
        ValidationReport report = Findings.of(Findings.CLEAN);
        assertThat(report.errors()).isEmpty();
        assertThat(report.model().funnel()).isEqualTo(FunnelSettings.NONE);
    }

    @Test
    void theFunnelIsReadWithItsStagesAndWhatEachIsRecognisedBy() {
        ValidationReport report = Findings.of(Findings.CLEAN + """
                funnel:
                  stages:
                    - { id: lead, name: Lead, statuses: [New] }
                    - { id: mql, name: Marketing qualified, statuses: MQL, date-columns: [MQL Date] }
                    - { id: sal, name: Sales accepted, statuses: [Accepted] }
                    - { id: opportunity, opportunity-stages: [Discovery, Proposal] }
                    - { id: won, opportunity-stages: [Closed Won] }
                  handoff: { from: mql, to: sal }
                  lost: [Closed Lost]
                """);
        assertThat(report.errors()).isEmpty();
        FunnelSettings f = report.model().funnel();
        assertThat(f.ids()).containsExactly("lead", "mql", "sal", "opportunity", "won");
        assertThat(f.stages().get(1).name()).isEqualTo("Marketing qualified");
        assertThat(f.stages().get(1).statuses()).containsExactly("MQL");
        assertThat(f.stages().get(1).dateColumns()).containsExactly("MQL Date");
        assertThat(f.stages().get(3).opportunityStages()).containsExactly("Discovery", "Proposal");
        assertThat(f.handoffTo()).isEqualTo("sal");
        assertThat(f.lost()).containsExactly("Closed Lost");
    }

    @Test
    void everyProblemOfTheFunnelIsReportedAtItsLineAndColumn() {
        int base = (int) Findings.CLEAN.lines().count();
        ValidationReport report = Findings.of(Findings.CLEAN + """
                funnel:
                  stages:
                    - { id: lead, statuses: [New] }
                    - { id: lead, statuses: [new] }
                    - { id: won, opportunity-stages: [Closed Won], colour: green }
                  handoff: { from: won, to: lead }
                  lost: [Closed Won]
                """);
        assertThat(report.errors()).extracting(p -> (p.line() - base) + ":" + p.code()).contains(
                "4:duplicate-id", // lead twice
                "4:duplicate-id", // 'new' claimed twice (case ignored)
                "5:unknown-key",  // colour
                "6:bad-value",    // handoff backwards
                "7:duplicate-id"); // Closed Won both won and lost
        assertThat(report.errors()).allSatisfy(p -> assertThat(p.column()).isPositive());
        assertThat(report.errors()).anyMatch(p -> p.code().equals("missing-key")
                && p.message().contains("as there is no 'opportunity' stage"));
        Problem claimed = report.errors().stream().filter(p -> p.message().contains("'new' again")).findFirst().orElseThrow();
        assertThat(claimed.message()).contains("first at funnel.stages[0].statuses[0]");
        assertThat(claimed.column()).isGreaterThan(20);
    }
}
