package dev.baton.assist.provider;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The usage log as a JSONL file, one {@link Usage} a line, appended to; so that a month's budget
 * holds across runs of the command line. Appends are serialised within the process.
 */
public final class UsageLogFile implements UsageLog {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Path file;

    public UsageLogFile(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void record(Usage usage) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            w.write(JSON.writeValueAsString(usage));
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot append to the AI usage log: " + e.getMessage(), e);
        }
    }

    /**
     * @throws IllegalArgumentException naming the file and line when a line is not a usage record
     */
    @Override
    public synchronized List<Usage> all() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Usage> usages = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    usages.add(JSON.readValue(lines.get(i), Usage.class));
                } catch (JacksonException e) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": error: expected an AI usage record (JSON), "
                            + "found something else: " + e.getOriginalMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the AI usage log: " + e.getMessage(), e);
        }
        return usages;
    }
}
