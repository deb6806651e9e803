package dev.baton.model.show;

import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.StageKind;
import dev.baton.model.WorkType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.baton.model.show.Fixtures.stage;
import static org.assertj.core.api.Assertions.assertThat;

class MermaidFlowchartTest {

    private static String render(WorkType w) {
        OperatingModel model = Fixtures.model(List.of(), List.of(), List.of(), List.of(), List.of(w), List.of());
        return MermaidFlowchart.render(model, w);
    }

    @Test
    void idsAreLettersDigitsAndUnderscoresWithAPrefixNoKeywordHas() {
        MermaidIds ids = new MermaidIds();

        assertThat(ids.stage("enable-sales")).isEqualTo("st_enable_sales");
        assertThat(ids.stage("v1.2")).isEqualTo("st_v1_2");
        assertThat(ids.stage("end")).isEqualTo("st_end");
        assertThat(ids.stage("prüfung")).isEqualTo("st_pr_fung");
    }

    @Test
    void idsThatCollideAfterEscapingStayDistinctAndStable() {
        MermaidIds ids = new MermaidIds();

        assertThat(ids.stage("a-b")).isEqualTo("st_a_b");
        assertThat(ids.stage("a.b")).isEqualTo("st_a_b_2");
        assertThat(ids.stage("a-b")).isEqualTo("st_a_b");
    }

    @Test
    void labelsAreQuotedWithQuotesAndMarkupEscaped() {
        assertThat(MermaidIds.label("say \"hi\" <b>#1</b> | A&B"))
                .isEqualTo("\"say #quot;hi#quot; #lt;b#gt;#35;1#lt;/b#gt; #124; A#amp;B\"");
        assertThat(MermaidIds.label("two\nlines")).isEqualTo("\"two lines\"");
        assertThat(MermaidIds.label(List.of("a\"", "b"))).isEqualTo("\"a#quot;<br/>b\"");
    }

    @Test
    void awkwardStageIdsAndNamesStayInsideTheirLabels() {
        Stage end = new Stage("end", "The \"end\"", StageKind.WAITING, null, null, List.of(), null, null, false);
        WorkType w = new WorkType("go.live", "Go live", null, null, List.of(),
                List.of(stage("brief-v1.0", StageKind.MAKING, "pmm", "1d"), end), List.of(), List.of());

        String mmd = render(w);

        assertThat(mmd).contains("  subgraph wt_go_live [\"go.live (Go live)\"]\n");
        assertThat(mmd).contains("    st_brief_v1_0[\"brief-v1.0<br/>making, owner pmm (unknown), SLA 1d\"]\n");
        assertThat(mmd).contains("    st_end([\"The #quot;end#quot;<br/>waiting, no owner, no SLA\"])\n");
        assertThat(mmd).contains("  st_brief_v1_0 --> st_end\n", "  st_end --> flow_done\n");
    }

    @Test
    void shapesFollowTheKindOfStage() {
        String mmd = ModelMap.mermaid(Fixtures.acme());

        assertThat(mmd).contains("st_brief[\"brief<br/>making", "st_review{{\"review<br/>coordination",
                "st_launched([\"launched<br/>waiting");
    }

    @Test
    void reworkIsDashedSkipsAreLabelledAndHandoffsSitOnTheirEdge() {
        String mmd = ModelMap.mermaid(Fixtures.acme());

        assertThat(mmd).contains("  st_review -.->|\"rework; handoff: Product → PMM\"| st_brief\n");
        assertThat(mmd).contains("  st_build -->|\"skip\"| st_launched\n");
        assertThat(mmd).contains("  st_build -->|\"handoff: Content → Sales\"| st_enable_sales\n");
        assertThat(mmd).contains("  class st_enable_sales optional\n");
    }

    @Test
    void anOptionalFirstStageCanBeSkippedFromTheStart() {
        Stage intake = new Stage("intake", "intake", StageKind.WAITING, "pmm", null, List.of(), null, null, true);
        WorkType w = new WorkType("w", "w", null, null, List.of(),
                List.of(intake, stage("draft", StageKind.MAKING, "pmm", null)), List.of(), List.of());

        assertThat(render(w)).contains("  flow_start --> st_intake\n", "  flow_start --> st_draft\n");
    }

    @Test
    void everyWorkTypeIsItsOwnDiagramAfterACommentNamingIt() {
        String mmd = ModelMap.mermaid(Fixtures.acme());

        assertThat(mmd.split("\n\n")).hasSize(2)
                .allSatisfy(d -> assertThat(d).matches("(?s)%% work type: [a-z-]+\nflowchart LR\n.*"));
    }
}
