package dev.baton.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** One run of the CLI as a function: exit code, what it printed, what it complained about. */
record CliRun(int exitCode, String out, String err) {

    /** The repository root: tests run in the module folder. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Baton.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The output parsed as a JSON object. */
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> jsonObject() {
        return dev.baton.app.json.Json.mapper().readValue(out, java.util.Map.class);
    }

    /** The output parsed as a JSON array of objects. */
    @SuppressWarnings("unchecked")
    java.util.List<java.util.Map<String, Object>> jsonArray() {
        return dev.baton.app.json.Json.mapper().readValue(out, java.util.List.class);
    }

    /** A list of JSON objects inside a parsed object. */
    @SuppressWarnings("unchecked")
    static java.util.List<java.util.Map<String, Object>> objects(java.util.Map<String, Object> json, String key) {
        return (java.util.List<java.util.Map<String, Object>>) json.get(key);
    }

    static String example(String name) {
        return ROOT.resolve("examples").resolve(name).toString();
    }
}
