package dev.baton.scale.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventCodec;
import dev.baton.insight.simulation.DebtRates;
import dev.baton.insight.simulation.SimulationSettings;
import dev.baton.insight.simulation.Simulator;
import dev.baton.model.validation.ModelValidation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the envelope says, cut from the bytes, is what decoding the line says; when the cut is unsure, it decodes. */
class EnvelopeTest {

    static Envelope decoded(RecordedEvent e) {
        return new Envelope(e.event().getClass(), e.at().toEpochMilli(), e.eventId(), e.batch());
    }

    @Test
    void everyLineOfASimulatedLogWithImportedEventsIsCutAsItDecodes() {
        var model = ModelValidation.validate(Path.of("../examples/b2b-saas.yaml")).model();
        List<RecordedEvent> events = new ArrayList<>();
        Simulator.run(model, new SimulationSettings(40, 3, SimulationSettings.DEFAULT_START, 4, DebtRates.DEFAULT),
                events::add);
        EventCodec codec = new EventCodec();
        int imported = 0;
        for (RecordedEvent e : events) {
            RecordedEvent line = e.position() % 3 == 0 ? e
                    : new RecordedEvent(e.position(), e.stream(), e.version(), e.at(), e.actor(), e.workType(), 1, null,
                    e.event(), "jira:" + e.stream() + ":" + e.version(), e.position() % 3 == 1 ? "b-1" : null);
            imported += line.eventId() != null ? 1 : 0;
            assertThat(Envelope.of(codec.encode(line).getBytes(StandardCharsets.UTF_8))).isEqualTo(decoded(line));
        }
        assertThat(imported).isPositive();
    }

    @Test
    void escapesFractionsOtherKeyOrdersAndBrokenLines() {
        EventCodec codec = new EventCodec();
        String base = "{\"id\":\"jira:UT-1:2\",\"batch\":\"b\\u002d1\",\"position\":3,\"stream\":\"item-7\",\"version\":2,"
                + "\"at\":\"2026-03-02T09:15:00.250Z\",\"actor\":\"maya\",\"workType\":\"campaign\",\"modelVersion\":1,"
                + "\"commandId\":null,\"type\":\"StageEntered\",\"data\":{\"from\":\"brief\",\"to\":\"build\",\"rework\":false}}";
        String dataFirst = "{\"data\":{\"from\":\"brief\",\"to\":\"build\",\"rework\":false},\"type\":\"StageEntered\","
                + "\"stream\":\"item-9\",\"position\":12,\"version\":2,\"at\":\"2026-03-02T09:15:00Z\",\"actor\":\"maya\","
                + "\"workType\":\"campaign\",\"modelVersion\":1,\"batch\":\"b-2\"}";
        for (String line : List.of(base, dataFirst)) {
            Envelope cut = Envelope.of(line.getBytes(StandardCharsets.UTF_8));
            assertThat(cut).isEqualTo(decoded(codec.decode(line)));
        }
        assertThat(Envelope.of(base.getBytes(StandardCharsets.UTF_8)).batch()).isEqualTo("b-1");
        assertThat(Envelope.of(base.getBytes(StandardCharsets.UTF_8)).atMillis())
                .isEqualTo(Instant.parse("2026-03-02T09:15:00.250Z").toEpochMilli());
        assertThat(Envelope.of("{\"stream\": \"x\"".getBytes(StandardCharsets.UTF_8))).isNull();
        byte[] cutShort = base.substring(0, base.length() - 6).getBytes(StandardCharsets.UTF_8);
        assertThat(Envelope.whole(cutShort)).isFalse();
        assertThat(Envelope.of(cutShort)).as("a line cut short is decoded, and fails").isNull();
        assertThat(Envelope.whole(base.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(Envelope.whole((base + "}").getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(Envelope.of("not json".getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
