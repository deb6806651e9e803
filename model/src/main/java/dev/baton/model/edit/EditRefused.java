package dev.baton.model.edit;

/**
 * An edit the editor will not make, with where and why: the path does not exist, it is ambiguous
 * (a repeated key, two items with one id, a value shared through an anchor), or the result would
 * not be a readable YAML file. The text is left as it was.
 */
public final class EditRefused extends Exception {

    private final String path;
    private final String reason;

    public EditRefused(String path, String reason) {
        super((path.isEmpty() ? "the model" : path) + ": " + reason);
        this.path = path;
        this.reason = reason;
    }

    public String path() {
        return path;
    }

    public String reason() {
        return reason;
    }
}
