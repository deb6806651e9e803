package dev.baton.model.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.validation.ModelValidation;
import dev.baton.model.yaml.SafeYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;

/**
 * Issue 17's promise on every model file in the repository: opening and saving without changes
 * gives the same bytes, and changing one value changes one line and nothing else.
 */
class RoundTripTest {

    static Stream<String> files() {
        return ModelFiles.all();
    }

    /** Values shared through an anchor, or under a repeated key, are refused rather than guessed at. */
    private static final String[] AMBIGUOUS = {"anchor", "ambiguous"};

    /** A single-line value of the file and its path (by position, as validation messages write it). */
    record Value(String path, SourceNode node) {
    }

    private static List<Value> values(SourceNode node, String path, List<Value> found) {
        if (node == null) {
            return found;
        }
        if (node.isScalar() && !node.isEmpty()) {
            found.add(new Value(path, node));
        }
        for (int i = 0; i < node.items.size(); i++) {
            values(node.items.get(i), path + "[" + i + "]", found);
        }
        for (SourceNode.Entry e : node.entries) {
            String key = e.key().value;
            if (e.key().isScalar() && key != null && !key.isEmpty() && key.chars().noneMatch(c -> c == '.' || c == '[' || c == ']')) {
                values(e.value(), path.isEmpty() ? key : path + "." + key, found);
            }
        }
        return found;
    }

    private static boolean readable(String text) {
        try {
            SafeYaml.compose(text);
            return true;
        } catch (SafeYaml.SyntaxError e) {
            return false;
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void savingWithoutChangesGivesTheSameBytesAndTheSameValidation(String file) throws Exception {
        String text = ModelFiles.read(file);
        if (!readable(text)) {
            // What the reader refuses (syntax, a second document, nesting or aliases beyond its limits),
            // the editor never turns into a file it would accept by accident.
            try {
                assertThat(readable(ModelEditor.apply(text, ModelEdit.addKey("", "description", "x")))).isTrue();
            } catch (EditRefused refused) {
                assertThat(refused.reason()).isNotBlank();
            }
            return;
        }
        EditResult saved = ModelEditor.apply(file, text);

        assertThat(saved.text()).isEqualTo(text);
        assertThat(saved.report()).isEqualTo(ModelValidation.validate(file, text));
    }

    /** The one-line values of a file the reader accepts (none of the others). */
    private static List<Value> oneLineValues(String text) throws SafeYaml.SyntaxError {
        if (!readable(text)) {
            return List.of();
        }
        return values(SourceTree.of(text).root, "", new ArrayList<>()).stream()
                .filter(v -> v.node().style != ScalarStyle.LITERAL && v.node().style != ScalarStyle.FOLDED)
                .filter(v -> !v.node().value.contains("\n")).toList();
    }

    /** The edited text, or null when the edit is refused as ambiguous, which is right for shared or repeated values. */
    private static String editedUnlessAmbiguous(String text, Value v, Object newValue) {
        try {
            return ModelEditor.apply(text, ModelEdit.set(v.path(), newValue));
        } catch (EditRefused refused) {
            assertThat(refused.reason()).as(v.path()).containsAnyOf(AMBIGUOUS);
            return null;
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyTextWrittenAgainAsItselfChangesNoByte(String file) throws Exception {
        String text = ModelFiles.read(file);
        for (Value v : oneLineValues(text)) {
            boolean isText = v.node().style != ScalarStyle.PLAIN || FreshYaml.readsBackPlain(v.node().value, false)
                    || FreshYaml.readsBackPlain(v.node().value, true);
            if (isText) { // numbers and true/false are given as numbers by an editor, not as text
                String same = editedUnlessAmbiguous(text, v, v.node().value);
                assertThat(same == null ? text : same).as(v.path()).isEqualTo(text);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyValueChangedAloneChangesExactlyItsLine(String file) throws Exception {
        String text = ModelFiles.read(file);
        for (Value v : oneLineValues(text)) {
            String newValue = "changed-" + v.node().value.length();
            String changed = editedUnlessAmbiguous(text, v, newValue);
            if (changed != null) {
                LineDiff diff = LineDiff.of(text, changed);
                assertThat(diff.removed()).as(v.path()).hasSize(1);
                assertThat(diff.added()).as(v.path()).hasSize(1);
                assertThat(diff.added().get(0)).as(v.path()).contains(newValue);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void theReadableExamplesHaveValuesToEdit(String file) throws Exception {
        if (file.startsWith("examples/") && readable(ModelFiles.read(file))) {
            assertThat(oneLineValues(ModelFiles.read(file))).hasSizeGreaterThan(20);
        }
    }
}
