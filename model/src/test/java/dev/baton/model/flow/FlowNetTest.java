package dev.baton.model.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlowNetTest {

    /** source -> split -> (p1, p2) -> join -> sink: a parallel net, which compiled nets never are. */
    private static FlowNet parallel() {
        return FlowNet.builder("parallel")
                .transition("split", null, List.of("source"), List.of("p1", "p2"))
                .transition("copy", "copy", List.of("p1"), List.of("q1"))
                .transition("design", "design", List.of("p2"), List.of("q2"))
                .transition("join", null, List.of("q1", "q2"), List.of("sink"))
                .build("source", "sink");
    }

    @Test
    void firingMovesOneTokenFromEachInputPlaceToEachOutputPlace() {
        FlowNet net = parallel();
        int split = net.transition("split").orElseThrow().index();

        Marking after = net.fire(net.initialMarking(), split);

        assertThat(net.describe(after)).isEqualTo("[p1, p2]");
        assertThat(after.total()).isEqualTo(2);
        assertThat(net.describe(net.initialMarking())).isEqualTo("[source]");
    }

    @Test
    void aTransitionIsEnabledOnlyWhenEveryInputPlaceHoldsAToken() {
        FlowNet net = parallel();
        Marking split = net.fire(net.initialMarking(), 0);
        Marking halfDone = net.fire(split, net.transition("copy").orElseThrow().index());
        int join = net.transition("join").orElseThrow().index();

        assertThat(net.enabled(halfDone, join)).isFalse();
        Marking bothDone = net.fire(halfDone, net.transition("design").orElseThrow().index());
        assertThat(net.enabled(bothDone, join)).isTrue();
        assertThat(net.fire(bothDone, join)).isEqualTo(net.finalMarking());
    }

    @Test
    void firingADisabledTransitionSaysWhichPlaceLacksAToken() {
        FlowNet net = parallel();
        Marking halfDone = net.fire(net.fire(net.initialMarking(), 0), 1);

        assertThatThrownBy(() -> net.fire(halfDone, 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("transition 'join' is not enabled: no token in q2 (marking [p2, q1])");
    }

    @Test
    void aMarkingOfAnotherNetIsRejected() {
        FlowNet net = parallel();

        assertThatThrownBy(() -> net.enabled(Marking.of(2, 0), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("marking for 2 places used with net 'parallel' of 6 places");
    }

    @Test
    void aParallelNetIsAWorkflowNetToo() {
        assertThat(parallel().isWorkflowNet()).isTrue();
    }

    @Test
    void aSecondPlaceWithoutInputOrALoopBackIntoTheSourceBreaksTheWorkflowNet() {
        FlowNet twoStarts = FlowNet.builder("two-starts")
                .transition("a", "a", List.of("source", "other"), List.of("sink"))
                .build("source", "sink");
        FlowNet loopsToSource = FlowNet.builder("loop")
                .transition("a", "a", List.of("source"), List.of("p"))
                .transition("again", null, List.of("p"), List.of("source"))
                .transition("b", "b", List.of("p"), List.of("sink"))
                .build("source", "sink");

        assertThat(twoStarts.workflowNetProblems())
                .containsExactly("place other is not reachable from the source place source");
        assertThat(loopsToSource.workflowNetProblems()).containsExactly("the source place source has input arcs");
    }

    @Test
    void transitionsAreFoundByLabelAndSilentOnesByNone() {
        FlowNet net = FlowNet.builder("twice")
                .transition("review-1", "review", List.of("source"), List.of("p"))
                .transition("review-2", "review", List.of("p"), List.of("q"))
                .transition("tau", null, List.of("q"), List.of("sink"))
                .build("source", "sink");

        assertThat(net.transitionsLabelled("review")).extracting(FlowTransition::id)
                .containsExactly("review-1", "review-2");
        assertThat(net.transitionsLabelled("tau")).isEmpty();
        assertThat(net.transitionsLabelled(null)).isEmpty();
        assertThat(net.transition("tau").orElseThrow().isSilent()).isTrue();
    }

    @Test
    void indexesAreDenseAndFollowFirstMention() {
        FlowNet net = parallel();

        assertThat(net.places()).extracting(Place::id).containsExactly("source", "p1", "p2", "q1", "q2", "sink");
        for (int i = 0; i < net.places().size(); i++) {
            assertThat(net.places().get(i).index()).isEqualTo(i);
        }
        for (int t = 0; t < net.transitions().size(); t++) {
            assertThat(net.transitions().get(t).index()).isEqualTo(t);
        }
    }

    @Test
    void theNetCannotBeChangedThroughWhatItHandsOut() {
        FlowNet net = parallel();

        net.preset(0)[0] = 5;
        net.postset(0)[0] = 5;

        assertThat(net.preset(0)).containsExactly(0);
        assertThat(net.postset(0)).containsExactly(1, 2);
        assertThatThrownBy(() -> net.places().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTransitionIdCanBeUsedOnlyOnce() {
        FlowNetBuilder builder = FlowNet.builder("dup").transition("a", "a", List.of("source"), List.of("sink"));

        assertThatThrownBy(() -> builder.transition("a", "a", List.of("source"), List.of("sink")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transition id 'a' is used twice in net 'dup'");
    }

    @Test
    void dotTextEscapesQuotesInNames() {
        FlowNet net = FlowNet.builder("say \"hi\"")
                .transition("a", "a \"b\"", List.of("source"), List.of("sink"))
                .build("source", "sink");

        assertThat(net.toDot()).startsWith("digraph \"say \\\"hi\\\"\" {").contains("label=\"a \\\"b\\\"\"");
    }

    @Test
    void anyInitialAndFinalMarkingCanBeDeclaredByPlaceId() {
        FlowNet net = FlowNet.builder("two tokens")
                .transition("a", "a", List.of("p1", "p2"), List.of("done"))
                .build(java.util.Map.of("p1", 1, "p2", 1), java.util.Map.of("done", 1, "extra", 2));

        assertThat(net.describe(net.initialMarking())).isEqualTo("[p1, p2]");
        assertThat(net.describe(net.finalMarking())).isEqualTo("[done, extrax2]");
        assertThat(net.enabled(net.initialMarking(), 0)).isTrue();
    }
}
