package dev.baton.insight.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.EventLogBuilder;
import dev.baton.insight.pnml.Pnml;
import dev.baton.model.flow.FlowNet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conformance on a hand-made parallel net: brief, then copy and design in either order. */
class ConformanceTest {

    private static final FlowNet NET = FlowNet.builder("launch")
            .transition("brief", "brief", List.of("source"), List.of("p0"))
            .transition("split", null, List.of("p0"), List.of("p1", "p2"))
            .transition("copy", "copy", List.of("p1"), List.of("q1"))
            .transition("design", "design", List.of("p2"), List.of("q2"))
            .transition("join", null, List.of("q1", "q2"), List.of("sink"))
            .build("source", "sink");

    private static EventLog log(String... traces) {
        EventLogBuilder b = EventLog.builder("hand-made");
        for (int i = 0; i < traces.length; i++) {
            int c = b.caseIndex("case-" + (i + 1));
            long t = 0;
            for (String activity : traces[i].split(" ")) {
                b.event(c, activity, t += 1000, null);
            }
        }
        return b.build(false);
    }

    @Test
    void fittingCasesInBothOrdersFitPerfectly() {
        EventLog log = log("brief copy design", "brief design copy");

        ConformanceResult replay = Conformance.tokenReplay(NET, log);
        ConformanceResult aligned = Conformance.alignments(NET, log);

        assertThat(replay.logFitness()).isEqualTo(1.0);
        assertThat(replay.percentageFittingTraces()).isEqualTo(100.0);
        assertThat(aligned.averageTraceFitness()).isEqualTo(1.0);
        assertThat(aligned.percentageFittingTraces()).isEqualTo(100.0);
        // two silent moves per case (split, join) against a best-worst cost of 3 visible + 2 silent moves
        assertThat(aligned.logFitness()).isCloseTo(1 - 4.0 / (2 * 30_000 + 2 * 30_002), within(1e-12));
        assertThat(aligned.deviations()).isEmpty();
    }

    @Test
    void aSkippedStageIsAModelMoveAfterThePreviousActivity() {
        EventLog log = log("brief copy", "brief copy design");

        ConformanceResult aligned = Conformance.alignments(NET, log);

        // case 1 costs one model move (10,000) and two silent moves: fitness 1 - 1 / (2 + 3)
        assertThat(aligned.variants().get(0).fitness()).isCloseTo(0.8, within(1e-12));
        assertThat(aligned.variants().get(0).cost()).isEqualTo(10_002);
        assertThat(aligned.percentageFittingTraces()).isEqualTo(50.0);
        assertThat(aligned.averageTraceFitness()).isCloseTo(0.9, within(1e-12));
        assertThat(aligned.deviations()).containsExactly(
                new Deviation(Deviation.Kind.SKIPPED, "design", "copy", 1, 1));
        assertThat(aligned.deviations().get(0).explanation()).isEqualTo("'design' was skipped after 'copy' in 1 case");
    }

    @Test
    void anInsertedAndAnUnknownActivityAreLogMoves() {
        EventLog log = log("brief copy brief design", "brief party copy design", "brief party copy design");

        ConformanceResult aligned = Conformance.alignments(NET, log);

        assertThat(aligned.deviations()).containsExactly(
                new Deviation(Deviation.Kind.NOT_IN_MODEL, "party", "brief", 2, 2),
                new Deviation(Deviation.Kind.INSERTED, "brief", "copy", 1, 1));
        assertThat(aligned.percentageFittingTraces()).isEqualTo(0.0);
    }

    @Test
    void tokenReplayCountsMissingAndRemainingTokensAsPm4pyDoes() {
        // "brief design": copy never happens, so join lacks a token in q1 at the end and p1 keeps one
        EventLog log = log("brief design");

        ConformanceResult replay = Conformance.tokenReplay(NET, log);

        // produced: 1 initial + brief 1 + split 2 + design 1 = 5; consumed: brief 1 + split 1 + design 1 + final 1 = 4;
        // the final marking (sink) is never reached: missing 1, remaining p1 and q2 = 2
        assertThat(replay.logFitness()).isCloseTo(0.5 * (1 - 1.0 / 4) + 0.5 * (1 - 2.0 / 5), within(1e-12));
        assertThat(replay.percentageFittingTraces()).isEqualTo(0.0);
        assertThat(replay.deviations()).contains(new Deviation(Deviation.Kind.UNFINISHED, "copy", "design", 1, 1));
        assertThat(replay.deviations().stream().filter(d -> d.kind() == Deviation.Kind.UNFINISHED).findFirst()
                .orElseThrow().explanation())
                .isEqualTo("cases ended after 'design' while the flow still expected 'copy', in 1 case");
    }

    @Test
    void tokenReplayForcesAnActivityThatCameTooEarly() {
        EventLog log = log("copy brief design");

        ConformanceResult replay = Conformance.tokenReplay(NET, log);

        assertThat(replay.deviations()).contains(new Deviation(Deviation.Kind.FORCED, "copy", null, 1, 1));
        assertThat(replay.deviations().stream().filter(d -> d.kind() == Deviation.Kind.FORCED).findFirst().orElseThrow()
                .explanation()).isEqualTo("'copy' happened at the start before the flow allowed it, in 1 case");
    }

    @Test
    void variantsAreWeightedByTheirCases() {
        EventLog once = log("brief copy", "brief copy design");
        EventLog thrice = log("brief copy", "brief copy", "brief copy", "brief copy design");

        assertThat(Conformance.alignments(NET, thrice).averageTraceFitness())
                .isCloseTo((3 * 0.8 + 1.0) / 4, within(1e-12))
                .isLessThan(Conformance.alignments(NET, once).averageTraceFitness());
    }

    @Test
    void distinctTracesWeighedByTheirCasesGiveTheResultOfTheWholeLog() {
        // the order of first appearance: "brief design" first, then "brief copy design", "copy brief design"
        EventLog whole = log("brief design", "brief copy design", "brief design", "copy brief design",
                "brief copy design", "brief design", "party brief copy design");
        EventLog distinct = log("brief design", "brief copy design", "copy brief design", "party brief copy design");
        int[] cases = {3, 2, 1, 1};

        for (Conformance.Method method : Conformance.Method.values()) {
            ConformanceResult expected = Conformance.check(NET, whole, method);
            ConformanceResult weighed = Conformance.check(NET, distinct, cases, method);

            assertThat(weighed).as(method.id()).isEqualTo(expected);
            assertThat(weighed.cases()).isEqualTo(7);
            assertThat(weighed.deviations()).isNotEmpty();
            assertThat(weighed.variants()).extracting(VariantFit::cases).containsExactly(3, 2, 1, 1);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Conformance.tokenReplay(NET, distinct, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPnmlNetAndTheSameNetBuiltByHandGiveTheSameFigures() {
        FlowNet read = Pnml.read(Path.of("src/test/resources/nets/parallel.pnml"));
        EventLog log = log("brief copy design", "copy design", "brief design brief copy");

        ConformanceResult fromFile = Conformance.alignments(read, log);
        ConformanceResult byHand = Conformance.alignments(NET, log);

        assertThat(fromFile.logFitness()).isEqualTo(byHand.logFitness());
        assertThat(fromFile.averageTraceFitness()).isEqualTo(byHand.averageTraceFitness());
        assertThat(fromFile.deviations()).isEqualTo(byHand.deviations()).isNotEmpty();
        assertThat(Conformance.tokenReplay(read, log).logFitness())
                .isEqualTo(Conformance.tokenReplay(NET, log).logFitness());
    }

    @Test
    void aNetWhoseFinalMarkingCannotBeReachedIsRefusedWithTheReason() {
        FlowNet deadEnd = FlowNet.builder("dead end")
                .transition("brief", "brief", List.of("source"), List.of("stuck"))
                .transition("ship", "ship", List.of("other"), List.of("sink"))
                .build("source", "sink");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Conformance.alignments(deadEnd, log("brief")))
                .isInstanceOf(ConformanceException.class)
                .hasMessageContaining("the final marking of 'dead end' cannot be reached from its initial marking");
        assertThat(Conformance.tokenReplay(deadEnd, log("brief")).percentageFittingTraces()).isEqualTo(0.0);
    }
}
