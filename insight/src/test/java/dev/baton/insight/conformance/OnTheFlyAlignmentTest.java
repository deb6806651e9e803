package dev.baton.insight.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.baton.insight.SharedData;
import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.EventLogBuilder;
import dev.baton.insight.log.EventLogs;
import dev.baton.insight.pnml.Pnml;
import dev.baton.model.flow.FlowNet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Alignments over markings generated on the fly ({@link LazyStateSpace}) agree with those over
 * the whole reachability graph wherever both work, and still align where the graph is refused
 * (25 parallel branches: 2²⁵ markings).
 */
class OnTheFlyAlignmentTest {

    /**
     * An event: plan, then venue, speakers (invited again and again until one confirms) and
     * promotion in parallel, an optional rehearsal, the event, follow-ups in a loop.
     */
    private static final FlowNet EVENT = FlowNet.builder("event")
            .transition("plan", "plan", List.of("start"), List.of("planned"))
            .transition("fork", null, List.of("planned"), List.of("v0", "s0", "m0"))
            .transition("book venue", "book venue", List.of("v0"), List.of("v1"))
            .transition("invite speaker", "invite speaker", List.of("s0"), List.of("s1"))
            .transition("no answer", null, List.of("s1"), List.of("s0"))
            .transition("confirm speaker", "confirm speaker", List.of("s1"), List.of("s2"))
            .transition("promote", "promote", List.of("m0"), List.of("m1"))
            .transition("merge", null, List.of("v1", "s2", "m1"), List.of("ready"))
            .transition("rehearse", "rehearse", List.of("ready"), List.of("rehearsed"))
            .transition("no rehearsal", null, List.of("ready"), List.of("rehearsed"))
            .transition("hold event", "hold event", List.of("rehearsed"), List.of("held"))
            .transition("follow up", "follow up", List.of("held"), List.of("held"))
            .transition("close", null, List.of("held"), List.of("end"))
            .build("start", "end");

    @Test
    void agreesWithTheReachabilityGraphOnRandomTracesOfALoopingParallelNet() {
        List<String> activities = List.of("plan", "book venue", "invite speaker", "confirm speaker", "promote",
                "rehearse", "hold event", "follow up", "cancel");
        EventLog log = randomLog(activities, 400, 14, 7);

        assertSameAlignments(EVENT, log);
        assertThat(Conformance.alignments(EVENT, log).variants()).anyMatch(v -> !v.fitting() && v.cost() > 20_000);
    }

    @Test
    void agreesWithTheReachabilityGraphOnPm4pysReferenceNets() {
        assertSameAlignments(Pnml.read(SharedData.eventLog("reference/running-example_top2.pnml")),
                EventLogs.read(SharedData.eventLog("running-example.xes")));
        assertSameAlignments(Pnml.read(SharedData.eventLog("reference/reviewing_im2.pnml")),
                EventLogs.read(SharedData.eventLog("reviewing.xes")));
    }

    @Test
    void alignsTwentyFiveParallelBranchesWhereTheGraphIsRefused() {
        FlowNet net = parallel(25);
        NetIndex index = new NetIndex(net);
        List<String> all = new ArrayList<>();
        for (int b = 1; b <= 25; b++) {
            all.add(branch(b));
        }
        List<String> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(3));
        List<String> threeMissing = new ArrayList<>(shuffled.subList(3, 25));
        List<String> twoInserted = new ArrayList<>(shuffled);
        twoInserted.add(10, "party");
        twoInserted.add(20, shuffled.get(4));
        EventLog log = log(List.of(shuffled, threeMissing, twoInserted, List.of(branch(7))));

        // what Conformance.alignments does: the graph is refused beyond 2 million markings (2²⁵ here)
        StateSpace space = AlignmentReplay.space(index);
        assertThat(space).isInstanceOf(LazyStateSpace.class);
        ConformanceResult result = new AlignmentReplay(index, space).run(log);

        // split and join are silent: every case pays 2; each missing or extra event 10,000
        assertThat(result.variants()).extracting(VariantFit::cost).containsExactly(2L, 30_002L, 20_002L, 240_002L);
        int bestWorst = 25 * 10_000 + 2;
        double costs = 2 + 30_002 + 20_002 + 240_002;
        double denominators = 10_000.0 * (25 + 22 + 27 + 1) + 4.0 * bestWorst;
        assertThat(result.logFitness()).isCloseTo(1 - costs / denominators, within(1e-12));
        assertThat(result.percentageFittingTraces()).isEqualTo(25.0);
        assertThat(result.deviations()).extracting(Deviation::kind)
                .contains(Deviation.Kind.SKIPPED, Deviation.Kind.INSERTED, Deviation.Kind.NOT_IN_MODEL);
    }

    @Test
    void aSmallerBoundMakesTheSameNetsFallBackWithTheSameFigures() {
        NetIndex index = new NetIndex(EVENT);
        assertThatThrownBy(() -> new ReachabilityGraph(index, 5))
                .isInstanceOf(ReachabilityGraph.TooManyMarkings.class);
        LazyStateSpace lazy = new LazyStateSpace(index);
        EventLog log = randomLog(List.of("plan", "invite speaker", "promote", "book venue", "hold event"), 50, 10, 11);

        ConformanceResult onTheFly = new AlignmentReplay(index, lazy).run(log);

        assertThat(onTheFly.logFitness()).isCloseTo(Conformance.alignments(EVENT, log).logFitness(), within(1e-9));
        assertThat(lazy.generated()).isLessThan(ReachabilityGraph.MAX_STATES);
    }

    private static void assertSameAlignments(FlowNet net, EventLog log) {
        NetIndex index = new NetIndex(net);
        ConformanceResult graph = new AlignmentReplay(index, new ReachabilityGraph(index)).run(log);
        ConformanceResult lazy = new AlignmentReplay(index, new LazyStateSpace(index)).run(log);

        assertThat(lazy.variants()).extracting(VariantFit::cost)
                .containsExactlyElementsOf(graph.variants().stream().map(VariantFit::cost).toList());
        assertThat(lazy.variants()).extracting(VariantFit::fitness)
                .containsExactlyElementsOf(graph.variants().stream().map(VariantFit::fitness).toList());
        assertThat(lazy.logFitness()).isCloseTo(graph.logFitness(), within(1e-9));
        assertThat(lazy.averageTraceFitness()).isCloseTo(graph.averageTraceFitness(), within(1e-9));
        assertThat(lazy.percentageFittingTraces()).isCloseTo(graph.percentageFittingTraces(), within(1e-9));
    }

    /** Start, a silent split into n branches of one visible transition each, a silent join. */
    private static FlowNet parallel(int n) {
        var b = FlowNet.builder("parallel-" + n);
        List<String> starts = new ArrayList<>();
        List<String> ends = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            starts.add("in" + i);
            ends.add("out" + i);
            b.transition(branch(i), branch(i), List.of("in" + i), List.of("out" + i));
        }
        b.transition("split", null, List.of("source"), starts);
        b.transition("join", null, ends, List.of("sink"));
        return b.build("source", "sink");
    }

    private static String branch(int i) {
        return String.format("a%02d", i);
    }

    private static EventLog randomLog(List<String> activities, int cases, int maxLength, long seed) {
        Random random = new Random(seed);
        List<List<String>> traces = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            List<String> trace = new ArrayList<>();
            int length = random.nextInt(maxLength + 1);
            for (int e = 0; e < length; e++) {
                trace.add(activities.get(random.nextInt(activities.size())));
            }
            traces.add(trace);
        }
        return log(traces);
    }

    private static EventLog log(List<List<String>> traces) {
        EventLogBuilder b = EventLog.builder("generated");
        for (int i = 0; i < traces.size(); i++) {
            int c = b.caseIndex("case-" + (i + 1));
            long t = 0;
            for (String activity : traces.get(i)) {
                b.event(c, activity, t += 1000, null);
            }
        }
        return b.build(false);
    }
}
