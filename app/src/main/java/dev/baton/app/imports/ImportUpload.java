package dev.baton.app.imports;

import java.nio.file.Path;
import java.util.List;

/**
 * One upload to import: the kind, the files as received (in temporary files), the names they had
 * on the user's machine and the mapping's YAML (null or blank: no mapping). Every kind reads one
 * export, except {@code calendar}, which reads one or several calendars at once (docs/meetings.md).
 */
public record ImportUpload(String kind, List<Path> files, List<String> fileNames, String mapping) {

    public ImportUpload {
        files = List.copyOf(files);
        fileNames = List.copyOf(fileNames);
    }

    /** One export (or none: {@code file} null). */
    public ImportUpload(String kind, Path file, String fileName, String mapping) {
        this(kind, file == null ? List.of() : List.of(file), List.of(fileName), mapping);
    }

    /** The first file, or null when none was sent. */
    public Path file() {
        return files.isEmpty() ? null : files.get(0);
    }

    /** The file's name, or the names of several calendars joined by commas (as the batch records it). */
    public String fileName() {
        return String.join(", ", fileNames);
    }
}
