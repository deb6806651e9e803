package dev.baton.app.cli;

import dev.baton.model.OperatingModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;

/**
 * The {@code --model-version N=FILE} options of {@code analyze} and {@code migrate}: which model
 * file stands for which stored version number, for logs whose events carry several versions.
 */
final class ModelVersionFiles {

    private ModelVersionFiles() {
    }

    /**
     * The valid models by version number; a malformed entry or a repeated number is a usage error
     * (exit 2), an invalid model file prints its errors and gives null (exit 1).
     */
    static Map<Integer, OperatingModel> read(List<String> entries, CommandLine cli, PrintWriter err) {
        Map<Integer, Path> files = new TreeMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            Integer number = null;
            if (eq > 0 && eq < entry.length() - 1) {
                try {
                    number = Integer.valueOf(entry.substring(0, eq).strip());
                } catch (NumberFormatException e) {
                    number = null;
                }
            }
            if (number == null || number < 1) {
                throw new CommandLine.ParameterException(cli, "expected --model-version N=FILE with N a version "
                        + "number from 1 (e.g. 2=model-v2.yaml), found '" + entry + "'");
            }
            if (files.put(number, Path.of(entry.substring(eq + 1).strip())) != null) {
                throw new CommandLine.ParameterException(cli, "expected one --model-version for version " + number
                        + ", found two");
            }
        }
        Map<Integer, OperatingModel> models = new TreeMap<>();
        for (Map.Entry<Integer, Path> e : files.entrySet()) {
            OperatingModel model = ModelFiles.validOrNull(e.getValue(), err);
            if (model == null) {
                return null;
            }
            models.put(e.getKey(), model);
        }
        return models;
    }
}
