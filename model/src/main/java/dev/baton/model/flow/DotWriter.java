package dev.baton.model.flow;

/**
 * Writes a {@link FlowNet} as Graphviz text: places as circles (the initial one holds a dot, the
 * final one is doubled), stage transitions as labelled boxes, silent transitions as thin black
 * bars named by an outside label. Node names {@code p0}, {@code t0} follow the indexes.
 */
final class DotWriter {

    private DotWriter() {
    }

    static String write(FlowNet net) {
        StringBuilder dot = new StringBuilder("digraph ").append(quote(net.name())).append(" {\n")
                .append("  rankdir=LR;\n");
        for (Place p : net.places()) {
            boolean initial = net.initialMarking().tokens(p.index()) > 0;
            boolean last = net.finalMarking().tokens(p.index()) > 0;
            dot.append("  p").append(p.index()).append(" [shape=").append(last ? "doublecircle" : "circle")
                    .append(", label=").append(quote(initial ? "\u25CF" : "")).append(", xlabel=")
                    .append(quote(p.id())).append("];\n");
        }
        for (FlowTransition t : net.transitions()) {
            dot.append("  t").append(t.index()).append(t.isSilent()
                    ? " [shape=box, style=filled, fillcolor=black, width=0.1, label=\"\", xlabel=" + quote(t.id())
                    : " [shape=box, label=" + quote(t.label())).append("];\n");
        }
        for (FlowTransition t : net.transitions()) {
            for (int p : net.preset(t.index())) {
                dot.append("  p").append(p).append(" -> t").append(t.index()).append(";\n");
            }
            for (int p : net.postset(t.index())) {
                dot.append("  t").append(t.index()).append(" -> p").append(p).append(";\n");
            }
        }
        return dot.append("}\n").toString();
    }

    private static String quote(String text) {
        return '"' + String.valueOf(text).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
