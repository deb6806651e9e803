package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.version.ModelUpload;
import dev.baton.engine.version.ModelVersions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The example models of the repository, found from the project root. */
public final class Examples {

    private Examples() {
    }

    public static Path root() {
        String property = System.getProperty("baton.root");
        if (property != null) {
            return Paths.get(property);
        }
        for (Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("examples/b2b-saas.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("examples/b2b-saas.yaml not found above " + System.getProperty("user.dir"));
    }

    public static String text(String name) {
        try {
            return Files.readString(root().resolve("examples").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A registry holding the example as version 1. */
    public static ModelVersions versions(String name, java.time.Clock clock) {
        ModelVersions versions = ModelVersions.inMemory(clock);
        ModelUpload upload = versions.upload(name, text(name), "dev.patel");
        assertThat(upload.accepted()).as("%s is valid", name).isTrue();
        return versions;
    }
}
