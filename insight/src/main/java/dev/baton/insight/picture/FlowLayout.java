package dev.baton.insight.picture;

import dev.baton.insight.picture.FlowSvg.Edge;
import dev.baton.insight.picture.FlowSvg.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.CenterEdgeLabelPlacementStrategy;
import org.eclipse.elk.alg.layered.options.CycleBreakingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.alg.layered.options.WrappingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places a flow's boxes, arrows and arrow labels with ELK's layered algorithm (Sugiyama: layers,
 * crossing minimisation, orthogonal edge routing) so that nothing overlaps: every box and every
 * arrow label is sized from its text ({@link TextWidth}) before layout, and ELK keeps them apart
 * (arrow labels become dummy nodes of their own layer). The nodes' listed order is the order ELK
 * keeps when it breaks cycles, so that the edges drawn backwards are exactly the ones that go back in
 * that order (rework).
 *
 * <p>How a picture is made to fit a width, in this order: (1) one row left to right; (2) if that is
 * wider, the same left-to-right layout wrapped into rows (ELK's graph wrapping), with more rows until
 * it fits; (3) if no wrapping fits, top to bottom. The narrowest of these is kept; {@link FlowSvg}
 * may then shrink it a little, never so far that its text is below 12 px.
 */
final class FlowLayout {

    static final double TITLE_SIZE = 14;
    static final double TEXT_SIZE = 13;
    static final double TITLE_LINE = 18;
    static final double TEXT_LINE = 16;
    static final double PAD = 10;
    static final double LABEL_PAD = 4;
    static final double MIN_NODE_WIDTH = 110;
    static final int TITLE_CHARS = 24;
    static final int LINE_CHARS = 36;
    static final int LABEL_CHARS = 40;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    /** A box where it goes: its lines already wrapped and clipped to what is drawn. */
    record PlacedNode(Node node, int index, double x, double y, double width, double height, List<String> titleLines,
                      List<String> lines) {
    }

    /** An arrow as a polyline, and its label's box (or null). */
    record PlacedEdge(Edge edge, boolean backward, List<double[]> points, String label, double[] labelBox) {
    }

    record Placed(List<PlacedNode> nodes, List<PlacedEdge> edges, double width, double height, String how) {

        /**
         * Whether no two boxes with text (stages and arrow labels) overlap and every arrow runs from its
         * source to its target. ELK ensures both, except that its graph wrapping may leave the label of
         * an arrow cut by a wrap at the origin, or end such an arrow short of its target; such a layout
         * is not used.
         */
        boolean sound() {
            Map<String, PlacedNode> byId = new HashMap<>();
            nodes.forEach(n -> byId.put(n.node().id(), n));
            for (PlacedEdge e : edges) {
                if (e.points().isEmpty() || !touches(byId.get(e.edge().from()), e.points().get(0))
                        || !touches(byId.get(e.edge().to()), e.points().get(e.points().size() - 1))) {
                    return false;
                }
            }
            List<double[]> boxes = new ArrayList<>();
            nodes.forEach(n -> boxes.add(new double[] {n.x(), n.y(), n.width(), n.height()}));
            edges.stream().filter(e -> e.labelBox() != null).forEach(e -> boxes.add(e.labelBox()));
            for (int i = 0; i < boxes.size(); i++) {
                double[] a = boxes.get(i);
                for (int j = i + 1; j < boxes.size(); j++) {
                    double[] b = boxes.get(j);
                    if (a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static boolean touches(PlacedNode n, double[] p) {
            return n != null && p[0] >= n.x() - 3 && p[0] <= n.x() + n.width() + 3 && p[1] >= n.y() - 3
                    && p[1] <= n.y() + n.height() + 3;
        }
    }

    private FlowLayout() {
    }

    /** The layout that fits {@code maxWidth} best, by the rule in the class comment. */
    static Placed fit(List<Node> nodes, List<Edge> edges, double maxWidth) {
        Placed row = layout(nodes, edges, Direction.RIGHT, 0, WrappingStrategy.OFF);
        if (row == null) {
            row = layout(nodes, edges, Direction.DOWN, 0, WrappingStrategy.OFF);
            if (row == null) {
                throw new IllegalStateException("ELK could not lay out a flow of " + nodes.size() + " nodes");
            }
            return row;
        }
        if (row.width() <= maxWidth || nodes.size() < 3) {
            return row;
        }
        Placed best = row;
        // Wrapping pays for flows a person reads stage by stage, not for maps of hundreds of arrows.
        int most = nodes.size() <= 40 ? Math.min(8, nodes.size()) : 1;
        for (int rows = 2; rows <= most; rows++) {
            // ELK's wrapping aims at an aspect ratio; ask for one row height per row wanted.
            double aspect = maxWidth / (row.height() * rows);
            for (WrappingStrategy strategy : List.of(WrappingStrategy.MULTI_EDGE, WrappingStrategy.SINGLE_EDGE)) {
                Placed wrapped = layout(nodes, edges, Direction.RIGHT, aspect, strategy);
                if (wrapped == null || !wrapped.sound()) {
                    continue;
                }
                if (wrapped.width() < best.width()) {
                    best = wrapped;
                }
                if (wrapped.width() <= maxWidth) {
                    return wrapped;
                }
            }
        }
        Placed down = layout(nodes, edges, Direction.DOWN, 0, WrappingStrategy.OFF);
        return down != null && down.width() < best.width() && down.sound() ? down : best;
    }

    /**
     * One layout, or null when ELK fails on it (its label-dummy switching throws on some graphs with
     * wrapping or long edges); the switching is then tried again with the labels kept in the tail layer.
     */
    static Placed layout(List<Node> nodes, List<Edge> edges, Direction direction, double wrapAspect,
                         WrappingStrategy wrapping) {
        try {
            return layout(nodes, edges, direction, wrapAspect, wrapping, CenterEdgeLabelPlacementStrategy.MEDIAN_LAYER);
        } catch (RuntimeException e) {
            try {
                return layout(nodes, edges, direction, wrapAspect, wrapping, CenterEdgeLabelPlacementStrategy.TAIL_LAYER);
            } catch (RuntimeException again) {
                return null;
            }
        }
    }

    private static Placed layout(List<Node> nodes, List<Edge> edges, Direction direction, double wrapAspect,
                                 WrappingStrategy wrapping, CenterEdgeLabelPlacementStrategy labelPlacement) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(LayeredOptions.DIRECTION, direction);
        root.setProperty(LayeredOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(LayeredOptions.CYCLE_BREAKING_STRATEGY, CycleBreakingStrategy.MODEL_ORDER);
        root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 28.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 12.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 4.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE, 14.0);
        root.setProperty(LayeredOptions.PADDING, new ElkPadding(12));
        root.setProperty(LayeredOptions.SEPARATE_CONNECTED_COMPONENTS, false);
        root.setProperty(LayeredOptions.EDGE_LABELS_CENTER_LABEL_PLACEMENT_STRATEGY, labelPlacement);
        if (wrapping != WrappingStrategy.OFF) {
            root.setProperty(LayeredOptions.WRAPPING_STRATEGY, wrapping);
            root.setProperty(LayeredOptions.ASPECT_RATIO, wrapAspect);
            root.setProperty(LayeredOptions.WRAPPING_ADDITIONAL_EDGE_SPACING, 16.0);
        }
        Map<String, ElkNode> elkNodes = new HashMap<>();
        Map<String, Integer> index = new HashMap<>();
        List<List<String>> titles = new ArrayList<>();
        List<List<String>> lines = new ArrayList<>();
        List<ElkNode> inOrder = new ArrayList<>();
        for (Node n : nodes) {
            if (elkNodes.containsKey(n.id())) {
                continue;
            }
            List<String> title = wrap(n.title() == null || n.title().isBlank() ? n.id() : n.title(), TITLE_CHARS, 2);
            List<String> info = n.lines().stream().filter(l -> l != null && !l.isBlank()).limit(3)
                    .map(l -> FlowSvg.clip(l, LINE_CHARS)).toList();
            double width = MIN_NODE_WIDTH;
            for (String t : title) {
                width = Math.max(width, TextWidth.of(t, TITLE_SIZE, true) + 2 * PAD);
            }
            for (String l : info) {
                width = Math.max(width, TextWidth.of(l, TEXT_SIZE, false) + 2 * PAD);
            }
            double height = 2 * PAD + title.size() * TITLE_LINE + info.size() * TEXT_LINE;
            ElkNode elk = ElkGraphUtil.createNode(root);
            elk.setIdentifier("n" + inOrder.size());
            elk.setDimensions(Math.ceil(width), Math.ceil(height));
            index.put(n.id(), inOrder.size());
            elkNodes.put(n.id(), elk);
            inOrder.add(elk);
            titles.add(title);
            lines.add(info);
        }
        List<ElkEdge> elkEdges = new ArrayList<>();
        List<Edge> kept = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Edge e : edges) {
            ElkNode from = elkNodes.get(e.from());
            ElkNode to = elkNodes.get(e.to());
            if (from == null || to == null) {
                continue;
            }
            ElkEdge elk = ElkGraphUtil.createSimpleEdge(from, to);
            String text = e.label() == null || e.label().isBlank() ? null : FlowSvg.clip(e.label(), LABEL_CHARS);
            if (text != null) {
                ElkLabel label = ElkGraphUtil.createLabel(text, elk);
                label.setDimensions(Math.ceil(TextWidth.of(text, TEXT_SIZE, false) + 2 * LABEL_PAD), TEXT_LINE + 2);
                label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            }
            elkEdges.add(elk);
            kept.add(e);
            labels.add(text);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        List<PlacedNode> placedNodes = new ArrayList<>();
        for (Node n : nodes) {
            Integer i = index.get(n.id());
            if (i == null || placedNodes.size() > i) {
                continue;
            }
            ElkNode elk = inOrder.get(i);
            placedNodes.add(new PlacedNode(n, i, elk.getX(), elk.getY(), elk.getWidth(), elk.getHeight(), titles.get(i),
                    lines.get(i)));
        }
        List<PlacedEdge> placedEdges = new ArrayList<>();
        for (int k = 0; k < elkEdges.size(); k++) {
            ElkEdge elk = elkEdges.get(k);
            Edge e = kept.get(k);
            List<double[]> points = new ArrayList<>();
            for (ElkEdgeSection s : elk.getSections()) {
                points.add(new double[] {s.getStartX(), s.getStartY()});
                for (ElkBendPoint b : s.getBendPoints()) {
                    points.add(new double[] {b.getX(), b.getY()});
                }
                points.add(new double[] {s.getEndX(), s.getEndY()});
            }
            double[] box = null;
            if (labels.get(k) != null && !elk.getLabels().isEmpty()) {
                ElkLabel l = elk.getLabels().get(0);
                box = new double[] {l.getX(), l.getY(), l.getWidth(), l.getHeight()};
            }
            boolean backward = index.get(e.to()) <= index.get(e.from());
            placedEdges.add(new PlacedEdge(e, backward, points, labels.get(k), box));
        }
        String how = direction == Direction.DOWN ? "top-down" : wrapping != WrappingStrategy.OFF ? "wrapped" : "one row";
        return new Placed(placedNodes, placedEdges, root.getWidth(), root.getHeight(), how);
    }

    /** Words in lines of at most {@code max} characters, at most {@code maxLines} lines, the last clipped. */
    static List<String> wrap(String text, int max, int maxLines) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String[] words = text.trim().split("\\s+");
        for (int w = 0; w < words.length; w++) {
            String word = words[w];
            if (line.length() > 0 && line.length() + 1 + word.length() > max) {
                if (out.size() == maxLines - 1) {
                    line.append(' ').append(String.join(" ", java.util.Arrays.copyOfRange(words, w, words.length)));
                    break;
                }
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        out.add(FlowSvg.clip(line.toString(), max));
        return out;
    }
}
