package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.cli.Baton;
import dev.baton.app.json.Json;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventLogJsonl;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code baton analyze --format json} says of every event a server has stored: the figures the
 * browser tests compare the dashboard with, computed by the command line, not by the page's code.
 */
final class CliReport {

    private CliReport() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(EventStore store, Path model) throws IOException {
        Path log = Files.createTempFile("baton-web", ".jsonl");
        List<RecordedEvent> events = new ArrayList<>();
        long after = 0;
        for (List<RecordedEvent> page; !(page = store.readAll(after, 5000)).isEmpty(); after = page.get(page.size() - 1).position()) {
            events.addAll(page);
        }
        EventLogJsonl.write(log, events);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Baton.run(new String[] {"analyze", "--model", model.toString(), "--log", log.toString(),
                "--format", "json"}, new PrintWriter(out), new PrintWriter(err));
        assertThat(exit).as(err.toString()).isZero();
        return Json.mapper().readValue(out.toString(), Map.class);
    }
}
