package dev.baton.model.flow;

/**
 * A place of a {@link FlowNet}. The dense {@code index} lets replay and alignment algorithms
 * keep markings as int arrays; the {@code id} ({@code source}, {@code in:review}...) is for people.
 */
public record Place(int index, String id) {

    @Override
    public String toString() {
        return id;
    }
}
