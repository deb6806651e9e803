package dev.baton.model.edit;

import dev.baton.model.validation.ModelValidation;
import dev.baton.model.yaml.SafeYaml;
import java.util.List;

/**
 * Changes an operating-model file the way a careful person would: only the text of what changes is
 * rewritten, at the places the parser records for every value, so comments, key order, blank lines,
 * quoting, line breaks ("\r\n" stays) and everything not edited stay byte for byte as they were and
 * a file kept in git shows a diff of just the change.
 *
 * <p>Each edit is applied to the text left by the previous one. Before an edit's text is accepted it
 * is read again: it must parse as one YAML document, and it must mean exactly the old file with the
 * edit made (see {@link ExpectedData}); otherwise the edit is refused and nothing is changed. The
 * result carries the validation report of the new text, the same as {@code baton model validate}.
 */
public final class ModelEditor {

    private ModelEditor() {
    }

    /** The text after all edits (in order) and its validation; {@code file} only names it in the report. */
    public static EditResult apply(String file, String text, List<? extends ModelEdit> edits) throws EditRefused {
        String current = text;
        for (ModelEdit edit : edits) {
            current = apply(current, edit);
        }
        return new EditResult(current, ModelValidation.validate(file, current));
    }

    public static EditResult apply(String file, String text, ModelEdit... edits) throws EditRefused {
        return apply(file, text, List.of(edits));
    }

    /**
     * The text's values as the editor reads them: mappings (keys in written order), lists and texts
     * (scalars as written, an alias as {@code *name}); null for an empty file. What a caller needs to
     * choose its edits, such as whether a stage already has an {@code sla} key.
     */
    public static Object data(String text) throws EditRefused {
        return SourceTree.data(read(text, ModelPath.parse(""), "expected a readable YAML file, found ").root);
    }

    /** One edit on a text: the new text, or a refusal saying where and why. */
    static String apply(String text, ModelEdit edit) throws EditRefused {
        ModelPath path = ModelPath.parse(edit.path());
        SourceTree tree = read(text, path, "expected a readable YAML file to edit, found ");
        Target target = Target.resolve(tree, path);
        MappingEdits mappings = new MappingEdits(tree);
        ListEdits lists = new ListEdits(tree, mappings);
        List<Splice> splices;
        if (edit instanceof ModelEdit.SetValue s) {
            splices = mappings.set(target, s.value());
        } else if (edit instanceof ModelEdit.Replace r) {
            splices = mappings.replace(target, r.value());
        } else if (edit instanceof ModelEdit.AddKey a) {
            splices = mappings.addKey(target, a.key(), a.value(), a.after());
        } else if (edit instanceof ModelEdit.RenameKey r) {
            splices = mappings.rename(target, r.newKey());
        } else if (edit instanceof ModelEdit.Insert i) {
            splices = lists.insert(target, i.index(), i.value());
        } else if (edit instanceof ModelEdit.Move m) {
            splices = lists.move(target, m.index());
        } else {
            if (path.isRoot()) {
                throw new EditRefused(path.text(), "expected a key or an item to remove, found the whole model");
            }
            Target container = Target.resolve(tree, path.parent());
            splices = path.last() instanceof ModelPath.Key ? mappings.remove(target, container) : lists.remove(target, container);
        }
        String result = Splice.apply(text, splices);
        String unreadable = "the edit would leave a file that does not read as YAML: ";
        SourceTree after = read(result, path, unreadable);
        try {
            SafeYaml.compose(result); // also what only composing finds, such as an alias used before its anchor
        } catch (SafeYaml.SyntaxError e) {
            throw refusal(path, unreadable, e);
        }
        Object expected = ExpectedData.after(SourceTree.data(tree.root), edit, path);
        if (!ExpectedData.same(expected, SourceTree.data(after.root))) {
            throw new EditRefused(path.text(), "this edit could not be written without changing something else in the file;"
                    + " nothing was changed (please report it with the file)");
        }
        return result;
    }

    private static SourceTree read(String text, ModelPath path, String why) throws EditRefused {
        try {
            return SourceTree.of(text);
        } catch (SafeYaml.SyntaxError e) {
            throw refusal(path, why, e);
        }
    }

    private static EditRefused refusal(ModelPath path, String why, SafeYaml.SyntaxError e) {
        return new EditRefused(path.text(), why + e.getMessage() + " (line " + e.position().line()
                + ", column " + e.position().column() + ")");
    }
}
