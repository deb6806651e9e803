package dev.baton.insight.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.baton.insight.SharedData;
import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.EventLogs;
import dev.baton.insight.pnml.Pnml;
import dev.baton.model.flow.FlowNet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every figure of ../shared/datasets/eventlogs/reference/REFERENCE.md (pm4py 2.7.14), to 1e-6;
 * skipped when the shared datasets are absent.
 */
class PmReferenceTest {

    @ParameterizedTest(name = "{0} on {1} by {2}")
    @CsvSource({
            "running-example_im0, running-example.xes, token-replay, 1.0, 1.0, 100.0",
            "running-example_im0, running-example.xes, alignments, 0.9999791670138831, 1.0, 100.0",
            "running-example_top2, running-example.xes, token-replay, 0.8841991341991342, 0.8811507936507937, 50.0",
            "running-example_top2, running-example.xes, alignments, 0.9166479171354049, 0.9222222222222222, 50.0",
            "reviewing_im2, reviewing.xes, token-replay, 1.0, 1.0, 100.0",
            "reviewing_im2, reviewing.xes, alignments, 0.9998852847565518, 1.0, 100.0",
    })
    void agreesWithPm4py(String net, String log, String method, double logFitness, double averageTraceFitness,
                         double percentageFittingTraces) {
        FlowNet flow = Pnml.read(SharedData.eventLog("reference/" + net + ".pnml"));
        EventLog events = EventLogs.read(SharedData.eventLog(log));

        ConformanceResult result = method.equals("alignments") ? Conformance.alignments(flow, events)
                : Conformance.tokenReplay(flow, events);

        assertThat(result.logFitness()).as("logFitness").isCloseTo(logFitness, within(1e-6));
        assertThat(result.averageTraceFitness()).as("averageTraceFitness").isCloseTo(averageTraceFitness, within(1e-6));
        assertThat(result.percentageFittingTraces()).as("percentageFittingTraces")
                .isCloseTo(percentageFittingTraces, within(1e-6));
    }
}
