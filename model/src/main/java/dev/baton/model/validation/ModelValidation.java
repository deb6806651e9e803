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
            new DebtSmells());

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
            return failed(name, "unreadable-file", "expected UTF-8 text, found bytes that are not UTF-8");
        } catch (IOException e) {
            return failed(name, "unreadable-file", "expected a readable file, found: " + e.getMessage());
        }
    }

    private static ValidationReport failed(String file, String code, String message) {
        Problems problems = new Problems(new SourceMap());
        problems.add(Severity.ERROR, code, "", new Position(1, 1), message);
        return new ValidationReport(file, null, problems.sorted());
    }
}
