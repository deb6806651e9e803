package dev.baton.model.flow;

import static dev.baton.model.flow.WorkTypes.optional;
import static dev.baton.model.flow.WorkTypes.sequence;
import static dev.baton.model.flow.WorkTypes.stage;
import static dev.baton.model.flow.WorkTypes.workType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.OperatingModel;
import dev.baton.model.WorkType;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FlowNetsTest {

    static final WorkType PLAIN = sequence("plain", "brief", "build", "launch");
    static final WorkType REWORK = workType("rework",
            List.of(stage("brief"), stage("build"), stage("review"), stage("launch")),
            List.of("review -> build"), List.of());
    static final WorkType OPTIONAL = workType("optional",
            List.of(stage("brief"), optional("legal"), stage("launch")), List.of(), List.of());
    static final WorkType TWO_OPTIONAL = workType("two-optional",
            List.of(stage("a"), optional("b"), optional("c"), stage("d")), List.of(), List.of());
    static final WorkType TWO_ENDS = workType("two-ends",
            List.of(stage("brief"), stage("review"), stage("publish"), stage("shelve")),
            List.of("review -> shelve"), List.of("publish", "shelve"));
    static final WorkType FINAL_GOES_ON = workType("final-goes-on",
            List.of(stage("brief"), stage("review"), stage("launch")),
            List.of("review -> launch"), List.of("review", "launch"));
    static final WorkType FIRST_REWORKED = workType("first-reworked",
            List.of(stage("draft"), stage("review")), List.of("review -> draft"), List.of());
    static final WorkType OPTIONAL_FIRST = workType("optional-first",
            List.of(optional("research"), stage("brief"), stage("launch")), List.of(), List.of());
    static final WorkType TWO_OPTIONAL_FIRST = workType("two-optional-first",
            List.of(optional("a"), optional("b"), stage("c")), List.of(), List.of());
    static final WorkType OPTIONAL_FIRST_REWORKED = workType("optional-first-reworked",
            List.of(optional("research"), stage("brief")), List.of("brief -> research"), List.of());

    static Stream<WorkType> wellFormed() {
        return Stream.of(PLAIN, REWORK, OPTIONAL, TWO_OPTIONAL, TWO_ENDS, FINAL_GOES_ON, FIRST_REWORKED,
                OPTIONAL_FIRST, TWO_OPTIONAL_FIRST, OPTIONAL_FIRST_REWORKED);
    }

    @ParameterizedTest
    @MethodSource("wellFormed")
    void everyWellFormedWorkTypeCompilesToAWorkflowNet(WorkType workType) {
        FlowNet net = FlowNets.compile(workType);

        assertThat(net.workflowNetProblems()).isEmpty();
        assertThat(net.isWorkflowNet()).isTrue();
        assertThat(net.name()).isEqualTo(workType.id());
        assertThat(net.initialMarking()).isEqualTo(Marking.of(net.places().size(), index(net, "source")));
        assertThat(net.finalMarking()).isEqualTo(Marking.of(net.places().size(), index(net, "sink")));
    }

    @ParameterizedTest
    @MethodSource("wellFormed")
    void everyStageHasExactlyOneVisibleTransitionLabelledWithItsId(WorkType workType) {
        FlowNet net = FlowNets.compile(workType);

        for (var stage : workType.stages()) {
            assertThat(net.transitionsLabelled(stage.id())).singleElement()
                    .satisfies(t -> assertThat(t.id()).isEqualTo(stage.id()));
        }
        assertThat(net.transitions().stream().filter(t -> !t.isSilent())).hasSize(workType.stages().size());
    }

    @Test
    void aPlainSequenceIsAChainWithoutSilentTransitions() {
        FlowNet net = FlowNets.compile(PLAIN);

        assertThat(ids(net.places())).containsExactly("source", "in:build", "in:launch", "sink");
        assertThat(ids(net.transitions())).containsExactly("brief", "build", "launch");
        assertThat(net.transitions()).noneMatch(FlowTransition::isSilent);
        assertArcs(net, "brief", "source", "in:build");
        assertArcs(net, "build", "in:build", "in:launch");
        assertArcs(net, "launch", "in:launch", "sink");
        assertThat(replay(net, "brief", "build", "launch")).containsExactly("brief", "build", "launch");
    }

    @Test
    void reworkMakesAChoiceAfterReviewWithOneSilentTransitionPerWayOut() {
        FlowNet net = FlowNets.compile(REWORK);

        assertThat(ids(net.places())).containsExactly(
                "source", "in:build", "in:review", "out:review", "in:launch", "sink");
        assertThat(silentIds(net)).containsExactly("tau:review->launch", "tau:review->build");
        assertArcs(net, "review", "in:review", "out:review");
        assertArcs(net, "tau:review->build", "out:review", "in:build");
        assertArcs(net, "tau:review->launch", "out:review", "in:launch");
        assertThat(replay(net, "brief", "build", "review", "build", "review", "launch")).containsExactly(
                "brief", "build", "review", "tau:review->build", "build", "review", "tau:review->launch", "launch");
    }

    @Test
    void aSequenceTheFlowDoesNotAllowGetsStuckWhereItLeavesTheFlow() {
        FlowNet net = FlowNets.compile(REWORK);

        Replay.Result skippedBuild = Replay.run(net, List.of("brief", "review", "launch"));
        assertThat(skippedBuild.stuckAt()).isEqualTo(1);
        assertThat(net.describe(skippedBuild.marking())).isEqualTo("[in:build]");

        Replay.Result launchedUnreviewed = Replay.run(net, List.of("brief", "build", "launch"));
        assertThat(launchedUnreviewed.stuckAt()).isEqualTo(2);

        Replay.Result unfinished = Replay.run(net, List.of("brief", "build", "review"));
        assertThat(unfinished.stuckAt()).isEqualTo(-1);
        assertThat(unfinished.complete()).isFalse();
        assertThat(unfinished.marking()).isNotEqualTo(net.finalMarking());
    }

    @Test
    void anOptionalStageCanBeSkippedThroughASilentTransition() {
        FlowNet net = FlowNets.compile(OPTIONAL);

        assertThat(silentIds(net)).containsExactly("tau:brief->legal", "tau:brief->launch");
        assertThat(replay(net, "brief", "launch")).containsExactly("brief", "tau:brief->launch", "launch");
        assertThat(replay(net, "brief", "legal", "launch"))
                .containsExactly("brief", "tau:brief->legal", "legal", "launch");
        assertThat(Replay.run(net, List.of("brief", "legal", "legal")).stuckAt()).isEqualTo(2);
    }

    @Test
    void consecutiveOptionalStagesCanBeSkippedAloneOrTogether() {
        FlowNet net = FlowNets.compile(TWO_OPTIONAL);

        assertThat(replay(net, "a", "d")).containsExactly("a", "tau:a->d", "d");
        assertThat(replay(net, "a", "b", "d")).containsExactly("a", "tau:a->b", "b", "tau:b->d", "d");
        assertThat(replay(net, "a", "c", "d")).containsExactly("a", "tau:a->c", "c", "d");
        assertThat(replay(net, "a", "b", "c", "d")).containsExactly("a", "tau:a->b", "b", "tau:b->c", "c", "d");
        assertThat(Replay.run(net, List.of("a", "c", "b")).stuckAt()).isEqualTo(2);
    }

    @Test
    void severalFinalStagesEachLeadStraightToTheSink() {
        FlowNet net = FlowNets.compile(TWO_ENDS);

        assertArcs(net, "publish", "in:publish", "sink");
        assertArcs(net, "shelve", "in:shelve", "sink");
        assertThat(silentIds(net)).containsExactly("tau:review->publish", "tau:review->shelve");
        assertThat(replay(net, "brief", "review", "publish"))
                .containsExactly("brief", "review", "tau:review->publish", "publish");
        assertThat(replay(net, "brief", "review", "shelve"))
                .containsExactly("brief", "review", "tau:review->shelve", "shelve");
        assertThat(Replay.run(net, List.of("brief", "review", "publish", "shelve")).stuckAt()).isEqualTo(3);
    }

    @Test
    void aFinalStageWithAWayOnCanEndOrContinue() {
        FlowNet net = FlowNets.compile(FINAL_GOES_ON);

        assertThat(silentIds(net)).containsExactly("tau:review->launch", "tau:review->end");
        assertArcs(net, "tau:review->end", "out:review", "sink");
        assertThat(replay(net, "brief", "review")).containsExactly("brief", "review", "tau:review->end");
        assertThat(replay(net, "brief", "review", "launch"))
                .containsExactly("brief", "review", "tau:review->launch", "launch");
    }

    @Test
    void aFirstStageThatWorkReturnsToIsEnteredFromTheSourceSilently() {
        FlowNet net = FlowNets.compile(FIRST_REWORKED);

        assertArcs(net, "tau:start", "source", "in:draft");
        assertArcs(net, "draft", "in:draft", "in:review");
        assertThat(replay(net, "draft", "review", "draft", "review")).containsExactly(
                "tau:start", "draft", "review", "tau:review->draft", "draft", "review", "tau:review->end");
    }

    @Test
    void anOptionalFirstStageCanBeSkippedFromTheStart() {
        FlowNet net = FlowNets.compile(OPTIONAL_FIRST);

        assertThat(silentIds(net)).containsExactly("tau:start->brief");
        assertArcs(net, "research", "source", "in:brief");
        assertArcs(net, "tau:start->brief", "source", "in:brief");
        assertThat(replay(net, "brief", "launch")).containsExactly("tau:start->brief", "brief", "launch");
        assertThat(replay(net, "research", "brief", "launch")).containsExactly("research", "brief", "launch");
        assertThat(Replay.run(net, List.of("launch")).stuckAt()).isZero();
    }

    @Test
    void consecutiveOptionalFirstStagesCanAllBeSkippedFromTheStart() {
        FlowNet net = FlowNets.compile(TWO_OPTIONAL_FIRST);

        assertThat(silentIds(net)).startsWith("tau:start->b", "tau:start->c");
        assertThat(replay(net, "c")).containsExactly("tau:start->c", "c");
        assertThat(replay(net, "b", "c")).containsExactly("tau:start->b", "b", "c");
        assertThat(replay(net, "a", "c")).containsExactly("a", "tau:a->c", "c");
        assertThat(replay(net, "a", "b", "c")).containsExactly("a", "tau:a->b", "b", "c");
    }

    @Test
    void anOptionalFirstStageThatWorkReturnsToHasBothStartTransitions() {
        FlowNet net = FlowNets.compile(OPTIONAL_FIRST_REWORKED);

        assertArcs(net, "tau:start", "source", "in:research");
        assertArcs(net, "tau:start->brief", "source", "in:brief");
        assertThat(replay(net, "brief")).containsExactly("tau:start->brief", "brief", "tau:brief->end");
        assertThat(replay(net, "brief", "research", "brief")).containsExactly("tau:start->brief", "brief",
                "tau:brief->research", "research", "brief", "tau:brief->end");
    }

    @Test
    void changesAndFinalStagesNamingUnknownStagesAreLeftOut() {
        WorkType broken = workType("plain",
                List.of(stage("brief"), stage("build"), stage("launch")),
                List.of("build -> ghost", "ghost -> brief"), List.of("ghost"));

        FlowNet net = FlowNets.compile(broken);

        assertThat(net.toDot()).isEqualTo(FlowNets.compile(PLAIN).toDot());
        assertThat(net.isWorkflowNet()).isTrue();
    }

    @Test
    void stagesWithoutIdOrWithARepeatedIdAreLeftOutInsteadOfFailing() {
        WorkType broken = workType("broken",
                List.of(stage("brief"), stage(null), stage("brief"), stage("launch")), List.of(), List.of());

        FlowNet net = FlowNets.compile(broken);

        assertThat(ids(net.transitions())).containsExactly("brief", "launch");
        assertThat(replay(net, "brief", "launch")).containsExactly("brief", "launch");
    }

    @Test
    void aWorkTypeWithADeadEndCompilesButIsNoWorkflowNet() {
        WorkType deadEnd = workType("dead-end",
                List.of(stage("a"), stage("b"), stage("c")), List.of(), List.of("a"));

        FlowNet net = FlowNets.compile(deadEnd);

        assertArcs(net, "c", "in:c", "out:c");
        assertThat(net.isWorkflowNet()).isFalse();
        assertThat(net.workflowNetProblems()).contains(
                "place in:b is not reachable from the source place source",
                "place out:c cannot reach the sink place sink");
    }

    @Test
    void aWorkTypeWithoutStagesGivesAnEmptyNetThatSaysWhyItIsNoWorkflowNet() {
        FlowNet net = FlowNets.compile(sequence("empty"));

        assertThat(ids(net.places())).containsExactly("source", "sink");
        assertThat(net.transitions()).isEmpty();
        assertThat(net.workflowNetProblems()).contains("place sink is not reachable from the source place source");
    }

    @Test
    void compileAllKeepsModelOrderAndSkipsWorkTypesWithoutStages() {
        OperatingModel model = new OperatingModel(OperatingModel.API_VERSION, "team", "1", List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(),
                List.of(REWORK, sequence("empty"), PLAIN), List.of(), null, null);

        var nets = FlowNets.compileAll(model);

        assertThat(nets).containsOnlyKeys("rework", "plain");
        assertThat(nets.keySet()).containsExactly("rework", "plain");
        assertThat(nets.get("plain").toDot()).isEqualTo(FlowNets.compile(PLAIN).toDot());
    }

    @Test
    void dotTextOfACompiledNetListsNodesAndArcsInIndexOrder() {
        FlowNet net = FlowNets.compile(FINAL_GOES_ON);

        String dot = net.toDot();

        assertThat(dot).startsWith("digraph \"final-goes-on\" {\n").endsWith("}\n")
                .contains("  p0 [shape=circle, label=\"\u25CF\", xlabel=\"source\"];\n")
                .contains("[shape=doublecircle, label=\"\", xlabel=\"sink\"];\n")
                .contains("  t1 [shape=box, label=\"review\"];\n")
                .contains("  t2 [shape=box, style=filled, fillcolor=black, width=0.1, label=\"\", "
                        + "xlabel=\"tau:review->launch\"];\n")
                .contains("  p0 -> t0;\n  t0 -> p1;\n");
        assertThat(dot.indexOf("p0 -> t0")).isLessThan(dot.indexOf("p1 -> t1"));
        assertThat(FlowNets.compile(FINAL_GOES_ON).toDot()).isEqualTo(dot);
    }

    private static List<String> replay(FlowNet net, String... stages) {
        Replay.Result result = Replay.run(net, Arrays.asList(stages));
        assertThat(result.stuckAt()).as("stuck at stage index").isEqualTo(-1);
        assertThat(result.complete()).as("reached the final marking").isTrue();
        assertThat(result.marking()).isEqualTo(net.finalMarking());
        return result.fired();
    }

    private static void assertArcs(FlowNet net, String transition, String from, String to) {
        int t = net.transition(transition).orElseThrow().index();
        assertThat(Arrays.stream(net.preset(t)).mapToObj(p -> net.places().get(p).id()))
                .as("input of " + transition).containsExactly(from);
        assertThat(Arrays.stream(net.postset(t)).mapToObj(p -> net.places().get(p).id()))
                .as("output of " + transition).containsExactly(to);
    }

    private static int index(FlowNet net, String place) {
        return net.place(place).orElseThrow().index();
    }

    private static List<String> ids(List<?> nodes) {
        return nodes.stream().map(Object::toString).toList();
    }

    private static List<String> silentIds(FlowNet net) {
        return net.transitions().stream().filter(FlowTransition::isSilent).map(FlowTransition::id).toList();
    }
}
