package dev.baton.insight.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggedEventsTest {

    @TempDir
    Path tmp;

    private static final String XES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <log xmlns="http://www.xes-standard.org/">
              <trace>
                <string key="concept:name" value="item-1"/>
                <string key="baton:workType" value="campaign"/>
                <event>
                  <string key="concept:name" value="brief"/>
                  <date key="time:timestamp" value="2026-03-02T09:00:00.000Z"/>
                  <string key="org:resource" value="maya"/>
                  <string key="baton:kind" value="stage"/>
                  <string key="baton:type" value="ItemCreated"/>
                  <int key="baton:position" value="1"/>
                  <int key="baton:version" value="1"/>
                  <string key="baton:title" value="Launch"/>
                  <string key="baton:stage" value="brief"/>
                  <float key="baton:fields.budget" value="1200.0"/>
                </event>
                <event>
                  <string key="concept:name" value="OwnerAssigned"/>
                  <date key="time:timestamp" value="2026-03-02T10:00:00.000Z"/>
                  <string key="org:resource" value="maya"/>
                  <string key="baton:kind" value="ownership"/>
                  <string key="baton:type" value="OwnerAssigned"/>
                  <int key="baton:position" value="3"/>
                  <int key="baton:version" value="2"/>
                  <string key="baton:owner" value="sam"/>
                </event>
              </trace>
              <trace>
                <string key="concept:name" value="req-1"/>
                <event>
                  <string key="concept:name" value="RequestSubmitted"/>
                  <date key="time:timestamp" value="2026-03-02T09:30:00.000Z"/>
                  <string key="org:resource" value="lee"/>
                  <string key="baton:kind" value="intake"/>
                  <string key="baton:type" value="RequestSubmitted"/>
                  <int key="baton:position" value="2"/>
                  <int key="baton:version" value="1"/>
                  <string key="baton:form" value="brief-form"/>
                </event>
              </trace>
            </log>
            """;

    @Test
    void anExportGivesItsEventsBackInLogOrderWithEveryKind() throws Exception {
        Path xes = Files.writeString(tmp.resolve("log.xes"), XES);
        List<RecordedEvent> events = new ArrayList<>();
        LoggedEvents.forEach(EventLogs.read(xes, ReadOptions.defaults().withAllKinds()), events::add);

        assertThat(events).extracting(RecordedEvent::position).containsExactly(1L, 2L, 3L);
        assertThat(events.get(0)).isEqualTo(new RecordedEvent(1, "item-1", 1, Instant.parse("2026-03-02T09:00:00Z"),
                "maya", "campaign", 0, null,
                new WorkItemEvent.ItemCreated("Launch", "brief", Map.of("budget", 1200.0), null, null), null));
        assertThat(events.get(2).event()).isEqualTo(new WorkItemEvent.OwnerAssigned("sam", null));
        assertThat(events.get(1).stream()).isEqualTo("req-1");
    }

    @Test
    void byDefaultOnlyTheStageChangesAreRead() throws Exception {
        Path xes = Files.writeString(tmp.resolve("log.xes"), XES);
        EventLog log = EventLogs.read(xes);
        assertThat(log.caseCount()).as("the intake request has no stage change").isEqualTo(1);
        assertThat(log.activityNames()).containsExactly("brief");
        assertThat(log.caseAttribute(0, "work_type")).contains("campaign");
    }

    @Test
    void aCsvExportOfAnEarlierVersionWithAJsonPayloadColumnIsStillRead() throws Exception {
        Path csv = Files.writeString(tmp.resolve("old.csv"), """
                case,activity,timestamp,resource,work_type,type,id,version,data
                item-1,brief,2026-03-02T09:00:00Z,maya,campaign,ItemCreated,baton:item-1:1,1,"{""title"":""Launch"",""stage"":""brief"",""fields"":{},""parent"":null,""fromRequest"":null}"
                item-1,OwnerAssigned,2026-03-02T10:00:00Z,maya,campaign,OwnerAssigned,baton:item-1:2,2,"{""owner"":""sam"",""previousOwner"":null}"
                """);
        List<RecordedEvent> events = new ArrayList<>();
        LoggedEvents.forEach(EventLogs.read(csv, ReadOptions.defaults().withAllKinds()), events::add);
        assertThat(events).extracting(RecordedEvent::event).containsExactly(
                new WorkItemEvent.ItemCreated("Launch", "brief", Map.of(), null, null),
                new WorkItemEvent.OwnerAssigned("sam", null));
        assertThat(events).extracting(RecordedEvent::workType).containsOnly("campaign");
        assertThat(events.get(1).eventId()).isNull();
    }

    @Test
    void aWrongAttributeIsReportedWithTheFileCaseAndEvent() throws Exception {
        Path xes = Files.writeString(tmp.resolve("bad.xes"), XES.replace("value=\"3\"", "value=\"three\""));
        EventLog log = EventLogs.read(xes, ReadOptions.defaults().withAllKinds());
        assertThatThrownBy(() -> LoggedEvents.forEach(log, e -> { }))
                .isInstanceOf(LogFormatException.class)
                .hasMessageContaining("bad.xes").hasMessageContaining("case item-1, event 2")
                .hasMessageContaining("baton:position: expected a whole number, found 'three'");
    }
}
