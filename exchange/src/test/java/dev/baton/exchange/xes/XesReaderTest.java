package dev.baton.exchange.xes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.exchange.Samples;
import dev.baton.exchange.Samples.Imported;
import dev.baton.exchange.source.SourceFormatException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XesReaderTest {

    @Test
    void runningExampleGivesOneItemPerTraceAndEveryActivity() {
        Imported imported = Samples.read(new XesReader(), Samples.eventLog("running-example.xes"));

        assertThat(imported.countsByType()).containsExactlyInAnyOrderEntriesOf(Map.of("ItemCreated", 6L, "StageEntered", 36L));
        var trace3 = imported.of("3");
        assertThat(trace3.get(0).event()).isEqualTo(new ItemCreated(null, "register request", Map.of(), null, null));
        assertThat(trace3.get(0).actor()).isEqualTo("Pete");
        assertThat(trace3.get(0).at()).isEqualTo(Instant.parse("2010-12-30T13:32:00Z"));
        assertThat(trace3.get(1).event()).isEqualTo(new StageEntered("register request", "examine casually", false));
        assertThat(trace3).extracting(RecordedEvent::eventId).startsWith("xes:3:0", "xes:3:1");
    }

    @Test
    void bpic2012KeepsTheCompleteTransitions() {
        Imported imported = Samples.read(new XesReader(), Samples.eventLog("bpic2012.xes.gz"),
                dev.baton.exchange.mapping.ImportMapping.NONE, null);
        assertThat(imported.report().items()).isEqualTo(13_087);
        // 262,200 events, of which 164,506 are complete transitions (pm4py's lifecycle filter gives the same).
        assertThat(imported.events()).hasSize(164_506);
    }

    @Test
    void aTruncatedLogSaysWhereItBroke() {
        byte[] bytes = """
                <log xes.version="1.0">
                  <trace><string key="concept:name" value="1"/>
                    <event><string key="concept:name" value="a"/><date key="time:timestamp" value="2026-01-01T00:00:00Z"/></event>
                    <event><string key="concept:name" val""".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new XesReader().read(new ByteArrayInputStream(bytes), c -> { }))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith("malformed XES")
                .satisfies(e -> assertThat(((SourceFormatException) e).where()).startsWith("line 4"));
    }

    @Test
    void anEventWithoutATimeIsNamed() {
        byte[] bytes = "<log><trace><string key=\"concept:name\" value=\"7\"/><event><string key=\"concept:name\" value=\"a\"/></event></trace></log>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new XesReader().read(new ByteArrayInputStream(bytes), c -> { }))
                .hasMessage("expected time:timestamp on event 1 of trace 7, found none");
    }
}
