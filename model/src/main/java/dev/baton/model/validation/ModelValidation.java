package dev.baton.model.validation;

import dev.baton.model.OperatingModel;
import dev.baton.model.problem.Position;
import dev.baton.model.problem.Problems;
import dev.baton.model.problem.Severity;
import dev.baton.model.problem.SourceMap;
import dev.baton.model.yaml.ModelReader;
import dev.baton.model.yaml.SafeYaml;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The one entry point for reading and checking an operating model: shape first (while reading),
 * then what refers to what, then the flow, then the debt smells — all problems of one run together.
 */
public final class ModelValidation {

    private static final List<ModelCheck> CHECKS = List.of(
            new IdentityCheck(), new ReferenceCheck(), new HierarchyCheck(), new FlowCheck(), new IntakeCheck(),
            new FunnelCheck(), new DebtSmells());

    private ModelValidation() {
    }

    /** Validates YAML text; {@code file} is only used to name it in the report. */
    public static ValidationReport validate(String file, String text) {
        Problems problems = new Problems(new SourceMap());
        OperatingModel model = ModelReader.read(text, problems);
        if (model != null) {
            for (ModelCheck check : CHECKS) {
                check.check(model, problems);
            }
        }
        return new ValidationReport(file, model, problems.sorted());
    }

    /** Reads and validates a file; an unreadable file is reported as a problem, not thrown. */
    public static ValidationReport validate(Path path) {
        String name = path.toString();
        try {
            if (Files.isDirectory(path)) {
                return failed(name, "unreadable-file", "expected a YAML file, found a directory");
            }
            long size = Files.size(path);
            if (size > SafeYaml.MAX_CHARS) {
                return failed(name, "too-large", "expected a model file of at most "
                        + SafeYaml.MAX_CHARS / (1024 * 1024) + " MB, found " + size + " bytes");
            }
            byte[] bytes = Files.readAllBytes(path);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return validate(name, text);
        } catch (NoSuchFileException e) {
            return failed(name, "unreadable-file", "expected a model file, found no file at this path");
        } catch (CharacterCodingException e) {
            return notUtf8(name, path);
        } catch (IOException e) {
            return failed(name, "unreadable-file", "expected a readable file, found: " + e.getMessage());
        }
    }

    /** Where the first byte that is not UTF-8 is, as the readers of exports say it. */
    private static ValidationReport notUtf8(String name, Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            return failed(name, "unreadable-file", "expected a readable file, found: " + e.getMessage());
        }
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, java.nio.CharBuffer.allocate(bytes.length + 1), true);
        int offset = in.position();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        Problems problems = new Problems(new SourceMap());
        problems.add(Severity.ERROR, "unreadable-file", "", new Position(line, offset - lineStart + 1),
                "not UTF-8 at byte " + offset + " (line " + line + "); save the model as UTF-8");
        return new ValidationReport(name, null, problems.sorted());
    }

    private static ValidationReport failed(String file, String code, String message) {
        Problems problems = new Problems(new SourceMap());
        problems.add(Severity.ERROR, code, "", new Position(1, 1), message);
        return new ValidationReport(file, null, problems.sorted());
    }
}
