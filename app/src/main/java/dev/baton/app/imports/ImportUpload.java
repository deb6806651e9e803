package dev.baton.app.imports;

import java.nio.file.Path;

/**
 * One upload to import: the kind, the export as received (in a temporary file), the name it had
 * on the user's machine and the mapping's YAML (null or blank: no mapping).
 */
public record ImportUpload(String kind, Path file, String fileName, String mapping) {
}
