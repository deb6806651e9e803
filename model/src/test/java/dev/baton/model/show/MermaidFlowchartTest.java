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
        MermaidIds.Scope ids = new MermaidIds().workType("go.live");

        assertThat(ids.stage("enable-sales")).isEqualTo("st_go_live__enable_sales");
        assertThat(ids.stage("v1.2")).isEqualTo("st_go_live__v1_2");
        assertThat(ids.stage("end")).isEqualTo("st_go_live__end");
        assertThat(ids.stage("prüfung")).isEqualTo("st_go_live__pr_fung");
        assertThat(List.of(ids.subgraph(), ids.start(), ids.done())).containsExactly("wt_go_live", "start_go_live", "done_go_live");
    }

    @Test
    void idsThatCollideAfterEscapingStayDistinctAndStable() {
        MermaidIds document = new MermaidIds();
        MermaidIds.Scope ids = document.workType("w");

        assertThat(ids.stage("a-b")).isEqualTo("st_w__a_b");
        assertThat(ids.stage("a.b")).isEqualTo("st_w__a_b_2");
        assertThat(ids.stage("a-b")).isEqualTo("st_w__a_b");
        assertThat(document.workType("w").subgraph()).isEqualTo("wt_w_2");
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
        assertThat(mmd).contains("    st_go_live__brief_v1_0[\"brief-v1.0<br/>making, owner pmm (unknown), SLA 1d\"]\n");
        assertThat(mmd).contains("    st_go_live__end([\"The #quot;end#quot;<br/>waiting, no owner, no SLA\"])\n");
        assertThat(mmd).contains("  st_go_live__brief_v1_0 --> st_go_live__end\n", "  st_go_live__end --> done_go_live\n");
    }

    @Test
    void shapesFollowTheKindOfStage() {
        String mmd = ModelMap.mermaid(Fixtures.acme());

        assertThat(mmd).contains("st_launch__brief[\"brief<br/>making", "st_launch__review{{\"review<br/>coordination",
                "st_launch__launched([\"launched<br/>waiting");
    }

    @Test
    void reworkIsDashedSkipsAreLabelledAndHandoffsSitOnTheirEdge() {
        String mmd = ModelMap.mermaid(Fixtures.acme());

        assertThat(mmd).contains("  st_launch__review -.->|\"rework; handoff: Product → PMM\"| st_launch__brief\n");
        assertThat(mmd).contains("  st_launch__build -->|\"skip\"| st_launch__launched\n");
        assertThat(mmd).contains("  st_launch__build -->|\"handoff: Content → Sales\"| st_launch__enable_sales\n");
        assertThat(mmd).contains("  class st_launch__enable_sales optional\n");
    }

    @Test
    void anOptionalFirstStageCanBeSkippedFromTheStart() {
        Stage intake = new Stage("intake", "intake", StageKind.WAITING, "pmm", null, List.of(), null, null, true);
        WorkType w = new WorkType("w", "w", null, null, List.of(),
                List.of(intake, stage("draft", StageKind.MAKING, "pmm", null)), List.of(), List.of());

        assertThat(render(w)).contains("  start_w --> st_w__intake\n", "  start_w --> st_w__draft\n");
    }

    @Test
    void theWholeModelIsOneFlowchartWithASubgraphPerWorkType() {
        String mmd = ModelMap.mermaid(Fixtures.acme());

        assertThat(mmd).startsWith("flowchart LR\n");
        assertThat(mmd.lines().filter(l -> l.startsWith("flowchart"))).hasSize(1);
        assertThat(mmd.lines().filter(l -> l.startsWith("  subgraph "))).containsExactly(
                "  subgraph wt_launch [\"launch (Product launch)\"]", "  subgraph wt_blog_post [\"blog-post (Blog post)\"]");
        assertThat(mmd).contains("  %% work type: launch\n", "  %% work type: blog-post\n");
    }

    @Test
    void twoWorkTypesWithTheSameStageIdsGetDifferentNodes() {
        WorkType post = new WorkType("post", "post", null, null, List.of(),
                List.of(stage("draft", StageKind.MAKING, "pmm", null)), List.of(), List.of());
        WorkType page = new WorkType("page", "page", null, null, List.of(),
                List.of(stage("draft", StageKind.MAKING, "pmm", null)), List.of(), List.of());
        OperatingModel model = Fixtures.model(List.of(), List.of(), List.of(), List.of(), List.of(post, page), List.of());

        String mmd = MermaidFlowchart.renderAll(model);

        assertThat(mmd).contains("    st_post__draft[", "    st_page__draft[", "  start_post --> st_post__draft\n",
                "  start_page --> st_page__draft\n", "  st_page__draft --> done_page\n");
    }

    @Test
    void aModelWithoutWorkTypesIsStillAFlowchart() {
        OperatingModel model = Fixtures.model(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

        assertThat(MermaidFlowchart.renderAll(model)).startsWith("flowchart LR\n").contains("no work types declared");
    }
}
