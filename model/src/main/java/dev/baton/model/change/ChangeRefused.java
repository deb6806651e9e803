package dev.baton.model.change;

/**
 * A proposed change that cannot be written into this model's text, with a sentence saying why:
 * it names a work type, stage, party or template the model lacks, or the model has the change
 * already (so writing it would change nothing). The text is left as it was.
 */
public final class ChangeRefused extends Exception {

    public ChangeRefused(String reason) {
        super(reason);
    }

    public String reason() {
        return getMessage();
    }
}
