package dev.baton.app.cli;

import dev.baton.app.server.Console;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console messages of {@code baton serve --log-format json} (the start, the first admin's
 * password, failures) as JSON lines in the shape of Spring Boot's ECS logs, so that a log collector
 * reads one format from the first line on.
 */
final class JsonConsole {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonConsole() {
    }

    static Console of(PrintWriter writer, String level) {
        return line -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("@timestamp", Instant.now().toString());
            entry.put("log", Map.of("level", level, "logger", "dev.baton.console"));
            entry.put("process", Map.of("pid", ProcessHandle.current().pid()));
            entry.put("service", Map.of("name", "baton"));
            entry.put("message", line);
            entry.put("ecs", Map.of("version", "8.11"));
            writer.println(JSON.writeValueAsString(entry));
            writer.flush();
        };
    }
}
