package dev.baton.model.flow;

/**
 * A transition of a {@link FlowNet}. Visible transitions carry the stage id as {@code label}, so
 * an event log's activity can be matched to them; silent (tau) transitions have a null label and
 * only route tokens, so replay may fire them without any event.
 */
public record FlowTransition(int index, String id, String label) {

    public boolean isSilent() {
        return label == null;
    }

    @Override
    public String toString() {
        return id;
    }
}
