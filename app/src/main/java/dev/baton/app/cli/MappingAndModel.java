package dev.baton.app.cli;

import dev.baton.exchange.mapping.ImportMapping;
import dev.baton.exchange.mapping.MappingCheck;
import dev.baton.exchange.mapping.MappingReader;
import dev.baton.model.OperatingModel;
import dev.baton.model.problem.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code --mapping} and {@code --model} options of {@code import} and {@code sync}: each read and
 * validated, then the mapping checked against the model, every problem printed with its position.
 *
 * @param mapping {@link ImportMapping#NONE} without {@code --mapping}
 * @param model   null without {@code --model}
 */
record MappingAndModel(ImportMapping mapping, OperatingModel model) {

    /** Both files, or null when one is unreadable or invalid (the reasons are on {@code err}). */
    static MappingAndModel read(Path mappingFile, Path modelFile, PrintWriter err) {
        ImportMapping mapping = ImportMapping.NONE;
        MappingReader.Result mappingRead = null;
        if (mappingFile != null) {
            String text = readText(mappingFile, err);
            if (text == null) {
                return null;
            }
            mappingRead = MappingReader.read(text);
            if (printProblems(mappingRead.problems(), mappingFile, err) || !mappingRead.valid()) {
                return null;
            }
            mapping = mappingRead.mapping();
        }
        OperatingModel model = null;
        if (modelFile != null) {
            model = ModelFiles.validOrNull(modelFile, err);
            if (model == null) {
                return null;
            }
            if (mappingRead != null && printProblems(MappingCheck.check(mappingRead, model), mappingFile, err)) {
                return null;
            }
        }
        return new MappingAndModel(mapping, model);
    }

    private static boolean printProblems(List<Problem> problems, Path file, PrintWriter err) {
        problems.forEach(p -> err.println(p.format(file.toString())));
        return problems.stream().anyMatch(Problem::isError);
    }

    static String readText(Path path, PrintWriter err) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("baton: " + path + ": no such file");
        } catch (IOException e) {
            err.println("baton: " + path + ": " + e.getMessage());
        }
        return null;
    }
}
