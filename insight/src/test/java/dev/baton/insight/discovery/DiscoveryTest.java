package dev.baton.insight.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.EventLogBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    private static final long HOUR = 3_600_000L;

    /** Three cases: a-b-c (b after 1h, c after 2h), a-b-c (b after 3h), a-c. */
    static EventLog threeCases() {
        EventLogBuilder b = EventLog.builder("hand-made");
        int c1 = b.caseIndex("1");
        b.event(c1, "a", 0, "x");
        b.event(c1, "b", HOUR, "x");
        b.event(c1, "c", 3 * HOUR, "y");
        int c2 = b.caseIndex("2");
        b.event(c2, "a", 0, "x");
        b.event(c2, "b", 3 * HOUR, "y");
        b.event(c2, "c", 4 * HOUR, "y");
        int c3 = b.caseIndex("3");
        b.event(c3, "a", 0, null);
        b.event(c3, "c", 10 * HOUR, null);
        return b.build(true);
    }

    @Test
    void directlyFollowsCountsAndWaitingTimes() {
        ProcessMap map = Discovery.processMap(threeCases());

        assertThat(map.cases()).isEqualTo(3);
        assertThat(map.events()).isEqualTo(8);
        assertThat(map.edges()).containsExactly(
                new ProcessMap.Edge("a", "b", 2, 2 * HOUR, (long) (2.8 * HOUR)),
                new ProcessMap.Edge("b", "c", 2, (long) (1.5 * HOUR), (long) (1.9 * HOUR)),
                new ProcessMap.Edge("a", "c", 1, 10 * HOUR, 10 * HOUR));
        assertThat(map.startActivities()).containsExactly(new ProcessMap.Endpoint("a", 3));
        assertThat(map.endActivities()).containsExactly(new ProcessMap.Endpoint("c", 3));
        assertThat(map.activities()).first().isEqualTo(new ProcessMap.Activity("a", 3));
    }

    @Test
    void variantsMostFrequentFirstWithShares() {
        ProcessMap map = Discovery.processMap(threeCases());

        assertThat(map.variants()).hasSize(2);
        assertThat(map.variants().get(0).activities()).containsExactly("a", "b", "c");
        assertThat(map.variants().get(0).cases()).isEqualTo(2);
        assertThat(map.variants().get(0).share()).isEqualTo(2.0 / 3);
        assertThat(map.variants().get(0).exampleCase()).isEqualTo("1");
        assertThat(map.variants().get(1).activities()).isEqualTo(List.of("a", "c"));
    }

    @Test
    void summariesOfPartsMergeIntoTheSummaryOfTheWhole() {
        EventLog log = threeCases();
        DirectlyFollowsSummary left = new DirectlyFollowsSummary().add(log, 0);
        DirectlyFollowsSummary right = new DirectlyFollowsSummary().add(log, 2).add(log, 1);

        ProcessMap merged = left.merge(right).toProcessMap();
        ProcessMap whole = Discovery.processMap(log);

        assertThat(merged.edges()).isEqualTo(whole.edges());
        assertThat(merged.variants().stream().map(ProcessMap.Variant::cases).toList())
                .isEqualTo(whole.variants().stream().map(ProcessMap.Variant::cases).toList());
        assertThat(merged.startActivities()).isEqualTo(whole.startActivities());
    }

    @Test
    void partsSummarisedWithTheirPlaceInTheLogKeepTheEarliestExampleWhicheverMergesFirst() {
        EventLog log = threeCases();
        // Cases 1 and 2 share a variant; the part holding the later one merges first.
        EventLog later = log.select(c -> c != 0);
        EventLog earlier = log.select(c -> c == 0);
        java.util.function.ToLongFunction<String> place = id -> Long.parseLong(id);

        ProcessMap merged = DirectlyFollowsSummary.of(later, place).merge(DirectlyFollowsSummary.of(earlier, place))
                .toProcessMap();

        assertThat(merged.variants()).isEqualTo(Discovery.processMap(log).variants());
        assertThat(merged.variants().get(0).exampleCase()).isEqualTo("1");
    }
}
