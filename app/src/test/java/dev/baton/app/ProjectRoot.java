package dev.baton.app;

import java.nio.file.Path;

/** The project's root folder in tests: the build passes it as {@code baton.root}; from an IDE it is the parent of {@code app}. */
public final class ProjectRoot {

    public static final Path PATH = Path.of(System.getProperty("baton.root", "..")).toAbsolutePath().normalize();

    private ProjectRoot() {
    }
}
