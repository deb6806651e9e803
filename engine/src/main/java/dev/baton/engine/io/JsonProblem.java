package dev.baton.engine.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON as every Baton reader parses it, and Jackson's errors said in a sentence for the user.
 * Parsers made by {@link #FACTORY} refuse an object that names a key twice (Jackson would let the
 * last one win without a word: two statuses, two dates, two work types).
 *
 * @param message what is wrong, without the file name or the place
 */
public record JsonProblem(String message) {

    /** The factory of every reader of tool exports and logs: duplicate keys are errors. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:Object property|field|property) [\"']([^\"']*)[\"']");
    private static final Pattern UTF8 = Pattern.compile("Invalid UTF-8");
    private static final Pattern DEPTH = Pattern.compile("nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");
    private static final Pattern LENGTH = Pattern.compile("(Number|String|Name) value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");
    private static final Pattern CONTROL = Pattern.compile("Illegal (unquoted )?character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.+?)' \\(code \\d+\\)\\)");

    /** What a Jackson error (or the refusal of the stream under it) means. */
    public static JsonProblem of(JacksonException e) {
        var refused = InputRefusedException.in(e);
        if (refused.isPresent()) {
            return new JsonProblem(refused.get().getMessage());
        }
        String text = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String first = text.lines().findFirst().orElse(text);
        Matcher m = DUPLICATE.matcher(first);
        if (m.find()) {
            return new JsonProblem("the key \"" + m.group(1) + "\" appears twice in one object (which one counts "
                    + "is ambiguous; remove one)");
        }
        if (UTF8.matcher(first).find()) {
            TokenStreamLocation at = e.getLocation();
            // Jackson is past the byte it could not take: the start byte itself, or a middle byte after it.
            long back = first.contains("middle byte") ? 2 : 1;
            long offset = at == null || at.getByteOffset() < 0 ? -1 : Math.max(0, at.getByteOffset() - back);
            long line = at == null ? -1 : at.getLineNr();
            return new JsonProblem(offset < 0 ? "not UTF-8; save the export as UTF-8"
                    : NotTextException.notUtf8(offset, Math.max(1, line)).getMessage());
        }
        m = DEPTH.matcher(first);
        if (m.find()) {
            return new JsonProblem("the JSON nests deeper than " + m.group(2) + " levels");
        }
        m = LENGTH.matcher(first);
        if (m.find()) {
            String what = switch (m.group(1)) {
                case "Number" -> "a number longer than " + m.group(3) + " digits";
                case "Name" -> "a key longer than " + m.group(3) + " characters";
                default -> "a text value longer than " + m.group(3) + " characters";
            };
            return new JsonProblem(what);
        }
        m = CONTROL.matcher(first);
        if (m.find()) {
            return new JsonProblem(m.group(1) != null
                    ? "a control character (code " + m.group(2) + ") inside a text value (JSON needs it escaped)"
                    : "a control character (code " + m.group(2) + ") where JSON allows only spaces, tabs and line "
                    + "breaks (a binary file?)");
        }
        if (first.contains("end-of-input") || first.contains("End-of-input")) {
            return new JsonProblem("the file ends in the middle of a JSON value (truncated?)");
        }
        m = UNEXPECTED.matcher(first);
        if (m.find()) {
            return new JsonProblem("malformed JSON: unexpected '" + m.group(1) + "'" + (m.group(1).equals("<")
                    ? " (an HTML or XML page, not JSON?)" : ""));
        }
        // Anything else: Jackson's words, without its feature and class names.
        String plain = first.replaceAll("\\s*\\(?,? ?from `[^`]*`\\)?", "").replaceAll("`[^`]*`", "").strip();
        return new JsonProblem("malformed JSON: " + (plain.isEmpty() ? "unreadable" : plain));
    }
}
