package dev.baton.model.edit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test helper: the model files kept in the repository (examples, and the models of other modules' tests). */
final class ModelFiles {

    private ModelFiles() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("examples/b2b-saas.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("examples/b2b-saas.yaml not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Every example model (valid and broken) and every model file in test resources, as paths from the root. */
    static Stream<String> all() {
        Path root = root();
        List<Path> dirs = List.of(root.resolve("examples"), root.resolve("app/src/test/resources/golden"),
                root.resolve("app/src/test/resources/hostile/model"));
        return dirs.stream().filter(Files::isDirectory).flatMap(dir -> {
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(f -> f.toString().endsWith(".yaml"))
                        // Import mappings and the planner's inputs (initiatives, scenarios) are not models.
                        .filter(f -> !f.getFileName().toString().matches(".*(mapping|initiatives|scenario).*"))
                        .map(f -> root.relativize(f).toString()).sorted().toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static String read(String file) {
        try {
            return new String(Files.readAllBytes(root().resolve(file)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
