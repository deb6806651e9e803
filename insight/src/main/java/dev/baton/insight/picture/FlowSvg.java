package dev.baton.insight.picture;

import dev.baton.insight.picture.FlowLayout.Placed;
import dev.baton.insight.picture.FlowLayout.PlacedEdge;
import dev.baton.insight.picture.FlowLayout.PlacedNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one flow picture of Baton, drawn as SVG on the server: a work type's declared flow (model
 * page), the actual flow beside it (dashboard and {@code baton analyze --format html}) and the
 * directly-follows graph of {@code baton discover --format svg}. Boxes and arrows are laid out by
 * {@link FlowLayout} (ELK layered, left to right, wrapped into rows or turned top to bottom when one
 * row is wider than the width asked for); a legend under the drawing names the node kinds and arrow
 * styles it uses. The result is one self-contained SVG element (no script, font or image fetched).
 *
 * <p>Text sizes: stage names 14 px bold, every other text 13 px. A drawing at most 13/12 times wider
 * than the width asked for is scaled down to that width through its viewBox, so no text is ever shown
 * smaller than 12 px; a drawing wider than that keeps its size and its box scrolls sideways (only big
 * discovered maps, never an example model's flow at {@link #FIT_WIDTH}).
 */
public final class FlowSvg {

    /**
     * The width the web pages draw for: the inside of a card at a 1366 px wide browser window
     * (a laptop screen), measured by the browser test.
     */
    public static final int FIT_WIDTH = 1270;

    /** The smallest text size shown, in CSS pixels, however the drawing is scaled. */
    public static final double MIN_TEXT_PX = 12;

    /** How a node is drawn: by the stage's kind (making, coordination, waiting, deviation) or as unknown. */
    public record Node(String id, String title, List<String> lines, String kind) {
    }

    /**
     * An arrow; {@code style} is "normal", "handoff", "deviation" or "faint"; {@code weight} 1..6
     * is the stroke width (frequencies on the actual flow).
     */
    public record Edge(String from, String to, String label, String style, double weight) {
    }

    private static final double LEGEND_ROW = 24;

    private FlowSvg() {
    }

    /** The picture fitted to {@link #FIT_WIDTH}. */
    public static String render(String title, List<Node> nodes, List<Edge> edges) {
        return render(title, nodes, edges, FIT_WIDTH);
    }

    /** The picture fitted to {@code maxWidth} CSS pixels, by the rule in the class comment. */
    public static String render(String title, List<Node> nodes, List<Edge> edges, int maxWidth) {
        Placed placed = FlowLayout.fit(nodes, edges, maxWidth);
        String prefix = "f" + Integer.toHexString((title + nodes + edges).hashCode());
        List<String[]> legend = legend(placed);
        double drawingWidth = Math.max(placed.width(), 1);
        List<double[]> legendBoxes = new ArrayList<>();
        double legendHeight = legendLayout(legend, Math.max(drawingWidth, Math.min(maxWidth, 900)), legendBoxes);
        double width = Math.ceil(Math.max(drawingWidth, legendBoxes.stream().mapToDouble(b -> b[0] + b[2]).max()
                .orElse(0) + 12));
        double height = Math.ceil(placed.height() + legendHeight);
        double scale = width > maxWidth && width * MIN_TEXT_PX / FlowLayout.TEXT_SIZE <= maxWidth ? maxWidth / width : 1;

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"flow-picture\" data-layout=\"")
                .append(placed.how()).append("\" width=\"").append(fmt(width * scale)).append("\" height=\"")
                .append(fmt(height * scale)).append("\" viewBox=\"0 0 ").append(fmt(width)).append(' ')
                .append(fmt(height)).append("\" font-family=\"system-ui, sans-serif\" font-size=\"13\" aria-label=\"")
                .append(esc(title)).append("\">");
        svg.append("<title>").append(esc(title)).append("</title>");
        svg.append("<defs>");
        for (String color : List.of("555", "2456c7", "b3261e", "a0a7b4")) {
            svg.append("<marker id=\"").append(prefix).append("-").append(color)
                    .append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" ")
                    .append("markerWidth=\"10\" markerHeight=\"10\" orient=\"auto-start-reverse\">")
                    .append("<path d=\"M0,0L10,5L0,10z\" fill=\"#").append(color).append("\"/></marker>");
        }
        svg.append("</defs>");
        for (PlacedEdge e : placed.edges()) {
            edge(svg, e, prefix);
        }
        for (PlacedNode n : placed.nodes()) {
            node(svg, n);
        }
        for (PlacedEdge e : placed.edges()) {
            if (e.label() != null && e.labelBox() != null) {
                double[] b = e.labelBox();
                svg.append("<rect x=\"").append(fmt(b[0])).append("\" y=\"").append(fmt(b[1])).append("\" width=\"")
                        .append(fmt(b[2])).append("\" height=\"").append(fmt(b[3]))
                        .append("\" rx=\"3\" fill=\"#fff\" fill-opacity=\"0.85\"/>");
                svg.append("<text class=\"edge-label\" x=\"").append(fmt(b[0] + b[2] / 2)).append("\" y=\"")
                        .append(fmt(b[1] + b[3] / 2 + 4.5)).append("\" text-anchor=\"middle\" fill=\"#")
                        .append(color(e.edge().style())).append("\">").append(esc(e.label())).append("</text>");
            }
        }
        legend(svg, legend, legendBoxes, placed.height(), prefix);
        svg.append("</svg>");
        return svg.toString();
    }

    private static void edge(StringBuilder svg, PlacedEdge e, String prefix) {
        if (e.points().size() < 2) {
            return;
        }
        String color = color(e.edge().style());
        double stroke = Math.max(1, Math.min(6, e.edge().weight()));
        StringBuilder d = new StringBuilder();
        for (double[] p : e.points()) {
            d.append(d.length() == 0 ? "M" : " L").append(fmt(p[0])).append(',').append(fmt(p[1]));
        }
        Edge edge = e.edge();
        svg.append("<path class=\"edge ").append(e.backward() ? "back" : "forward").append(' ').append(edge.style())
                .append("\" d=\"").append(d).append("\" fill=\"none\" stroke=\"#").append(color)
                .append("\" stroke-width=\"").append(fmt(stroke)).append('"')
                .append(e.backward() ? " stroke-dasharray=\"7 5\"" : "faint".equals(edge.style())
                        ? " stroke-dasharray=\"2 4\"" : "")
                .append(" marker-end=\"url(#").append(prefix).append('-').append(color).append(")\"><title>")
                .append(esc(edge.from())).append(" → ").append(esc(edge.to()))
                .append(edge.label() == null ? "" : ": " + esc(edge.label()))
                .append(e.backward() ? " (goes back)" : "").append("</title></path>");
    }

    private static void node(StringBuilder svg, PlacedNode n) {
        String kind = kind(n.node());
        String[] look = look(kind);
        double rx = "waiting".equals(kind) ? Math.min(n.height(), n.width()) / 2 : "coordination".equals(kind) ? 14 : 3;
        svg.append("<g class=\"stage ").append(kind).append("\" data-stage=\"").append(esc(n.node().id())).append("\">");
        svg.append("<title>").append(esc(n.node().title())).append(" (").append(kind).append(")</title>");
        svg.append("<rect x=\"").append(fmt(n.x())).append("\" y=\"").append(fmt(n.y())).append("\" width=\"")
                .append(fmt(n.width())).append("\" height=\"").append(fmt(n.height())).append("\" rx=\"")
                .append(fmt(rx)).append("\" fill=\"").append(look[0]).append("\" stroke=\"").append(look[1])
                .append("\" stroke-width=\"1.5\"").append(look[2]).append("/>");
        double cx = n.x() + n.width() / 2;
        double y = n.y() + FlowLayout.PAD;
        for (String t : n.titleLines()) {
            y += FlowLayout.TITLE_LINE;
            svg.append("<text x=\"").append(fmt(cx)).append("\" y=\"").append(fmt(y - 4.5))
                    .append("\" text-anchor=\"middle\" font-weight=\"700\" font-size=\"14\">").append(esc(t))
                    .append("</text>");
        }
        for (String line : n.lines()) {
            y += FlowLayout.TEXT_LINE;
            svg.append("<text x=\"").append(fmt(cx)).append("\" y=\"").append(fmt(y - 4))
                    .append("\" text-anchor=\"middle\" fill=\"#3b4457\">").append(esc(line)).append("</text>");
        }
        svg.append("</g>");
    }

    /** The legend's entries in use: {kind or style key, sample type, text}. */
    private static List<String[]> legend(Placed placed) {
        Set<String> kinds = new LinkedHashSet<>();
        placed.nodes().forEach(n -> kinds.add(kind(n.node())));
        Map<String, String[]> entries = new LinkedHashMap<>();
        for (String kind : List.of("making", "coordination", "waiting", "deviation", "unknown")) {
            if (kinds.contains(kind)) {
                entries.put(kind, new String[] {kind, "node", switch (kind) {
                    case "deviation" -> "not a declared stage";
                    case "unknown" -> "stage of no kind";
                    default -> kind + " stage";
                }});
            }
        }
        for (PlacedEdge e : placed.edges()) {
            String style = e.edge().style();
            if (e.backward()) {
                entries.putIfAbsent("back", new String[] {"back", "edge", "goes back (rework)"});
            } else if ("handoff".equals(style)) {
                entries.putIfAbsent("handoff", new String[] {"handoff", "edge", "handoff between parties"});
            } else if ("deviation".equals(style)) {
                entries.putIfAbsent("deviation-edge", new String[] {"deviation", "edge", "not in the model"});
            } else if ("faint".equals(style)) {
                entries.putIfAbsent("faint", new String[] {"faint", "edge", "never taken / start and end"});
            } else {
                entries.putIfAbsent("normal", new String[] {"normal", "edge", "next step"});
            }
        }
        if (entries.containsKey("back")) {
            String[] back = entries.remove("back");
            entries.put("back", back);
        }
        return new ArrayList<>(entries.values());
    }

    /** Places legend entries in rows no wider than {@code width}; returns the legend's height. */
    private static double legendLayout(List<String[]> legend, double width, List<double[]> boxes) {
        if (legend.isEmpty()) {
            return 0;
        }
        double x = 12;
        double row = 0;
        for (String[] entry : legend) {
            double w = 34 + TextWidth.of(entry[2], FlowLayout.TEXT_SIZE, false) + 18;
            if (x > 12 && x + w > width) {
                x = 12;
                row++;
            }
            boxes.add(new double[] {x, row * LEGEND_ROW, w});
            x += w;
        }
        return (row + 1) * LEGEND_ROW + 8;
    }

    private static void legend(StringBuilder svg, List<String[]> legend, List<double[]> boxes, double top,
                               String prefix) {
        for (int i = 0; i < legend.size(); i++) {
            String[] entry = legend.get(i);
            double x = boxes.get(i)[0];
            double y = top + boxes.get(i)[1] + 4;
            svg.append("<g class=\"legend\">");
            if ("node".equals(entry[1])) {
                String[] look = look(entry[0]);
                double rx = "waiting".equals(entry[0]) ? 7 : "coordination".equals(entry[0]) ? 5 : 2;
                svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y + 2)).append("\" width=\"28\" ")
                        .append("height=\"14\" rx=\"").append(fmt(rx)).append("\" fill=\"").append(look[0])
                        .append("\" stroke=\"").append(look[1]).append("\" stroke-width=\"1.5\"").append(look[2])
                        .append("/>");
            } else {
                String color = color(entry[0]);
                svg.append("<path d=\"M").append(fmt(x)).append(',').append(fmt(y + 9)).append(" L").append(fmt(x + 26))
                        .append(',').append(fmt(y + 9)).append("\" stroke=\"#").append(color)
                        .append("\" stroke-width=\"").append("handoff".equals(entry[0]) ? "2.5" : "1.5").append('"')
                        .append("back".equals(entry[0]) ? " stroke-dasharray=\"7 5\""
                                : "faint".equals(entry[0]) ? " stroke-dasharray=\"2 4\"" : "")
                        .append(" marker-end=\"url(#").append(prefix).append('-').append(color).append(")\"/>");
            }
            svg.append("<text x=\"").append(fmt(x + 34)).append("\" y=\"").append(fmt(y + 14))
                    .append("\" fill=\"#3b4457\">").append(esc(entry[2])).append("</text></g>");
        }
    }

    private static String kind(Node n) {
        return n.kind() == null || n.kind().isBlank() ? "unknown" : n.kind().toLowerCase(Locale.ROOT);
    }

    /** Fill, stroke and extra attributes of a node kind. */
    private static String[] look(String kind) {
        return switch (kind) {
            case "making" -> new String[] {"#e8f0ff", "#2456c7", ""};
            case "coordination" -> new String[] {"#fff3e0", "#a35b00", ""};
            case "waiting" -> new String[] {"#eef0f3", "#7a8396", ""};
            case "deviation" -> new String[] {"#fbe4e2", "#b3261e", " stroke-dasharray=\"4 3\""};
            default -> new String[] {"#ffffff", "#7a8396", ""};
        };
    }

    private static String color(String style) {
        return switch (style == null ? "normal" : style) {
            case "handoff" -> "2456c7";
            case "deviation" -> "b3261e";
            case "faint" -> "a0a7b4";
            default -> "555";
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** At most {@code max} characters, the last replaced by an ellipsis when cut. */
    public static String clip(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Text escaped for XML and HTML content and attribute values. */
    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
