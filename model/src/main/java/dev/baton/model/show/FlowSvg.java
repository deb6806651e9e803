package dev.baton.model.show;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A flow drawn as SVG on the server: stages left to right in their listed order, the next stage
 * by a straight arrow, skips as arcs above, rework (and any backward step) as dashed arcs below.
 * Used for the declared flow of a work type, for the actual flow discovered from the event log
 * (web pages) and for {@code baton discover --format svg}, so that they all read the same way.
 * No layout library is needed because a work type's stages already have an order (a discovered
 * map orders its activities by where they occur in the cases). The result is one self-contained
 * SVG element (no script, font or image fetched).
 */
public final class FlowSvg {

    /** How a node is drawn: by the stage's kind (making, coordination, waiting) or as unknown. */
    public record Node(String id, String title, List<String> lines, String kind) {
    }

    /**
     * An edge; {@code style} is "normal", "handoff", "deviation" or "faint"; {@code weight} 1..6
     * is the stroke width (frequencies on the actual flow).
     */
    public record Edge(String from, String to, String label, String style, double weight) {
    }

    private static final int W = 168;
    private static final int H = 74;
    private static final int GAP = 46;

    private FlowSvg() {
    }

    public static String render(String title, List<Node> nodes, List<Edge> edges) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).id(), i);
        }
        // Wider gaps when the labels between neighbours are long (waiting times on a discovered map).
        int gap = Math.max(GAP, edges.stream().filter(e -> order(index, e) == 1 && e.label() != null)
                .mapToInt(e -> e.label().length() * 6 + 16).max().orElse(0));
        int width = Math.max(1, nodes.size()) * (W + gap) + gap;
        int arcsBelow = (int) edges.stream().filter(e -> order(index, e) <= 0).count();
        boolean arcsAbove = edges.stream().anyMatch(e -> order(index, e) > 1);
        // Room above for skips, below for rework, only when there are any.
        final int TOP = arcsAbove ? 70 : 16;
        int height = TOP + H + (arcsBelow == 0 ? 16 : 40 + Math.min(arcsBelow, 6) * 14 + 20);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" font-family=\"system-ui, sans-serif\" font-size=\"11\">");
        svg.append("<title>").append(esc(title)).append("</title>");
        svg.append("<defs>");
        for (String color : List.of("555", "2456c7", "b3261e", "a0a7b4")) {
            svg.append("<marker id=\"arrow-").append(color).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" ")
                    .append("markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\" orient=\"auto-start-reverse\">")
                    .append("<path d=\"M0,0L10,5L0,10z\" ")
                    .append("fill=\"#").append(color).append("\"/></marker>");
        }
        svg.append("</defs>");
        int above = 0;
        int below = 0;
        for (Edge e : edges) {
            Integer from = index.get(e.from());
            Integer to = index.get(e.to());
            if (from == null || to == null) {
                continue;
            }
            String color = switch (e.style()) {
                case "handoff" -> "2456c7";
                case "deviation" -> "b3261e";
                case "faint" -> "a0a7b4";
                default -> "555";
            };
            double stroke = Math.max(1, Math.min(6, e.weight()));
            String dash = to <= from ? " stroke-dasharray=\"5 4\"" : "";
            String path;
            double lx;
            double ly;
            if (to == from + 1) {
                int x1 = x(from, gap) + W;
                int x2 = x(to, gap);
                int y = TOP + H / 2;
                path = "M" + x1 + "," + y + " L" + (x2 - 2) + "," + y;
                lx = (x1 + x2) / 2.0;
                ly = y - 6;
            } else if (to > from) {
                int lift = 18 + (above++ % 3) * 14;
                int x1 = x(from, gap) + W / 2 + 12;
                int x2 = x(to, gap) + W / 2 - 12;
                path = "M" + x1 + "," + TOP + " C" + x1 + "," + (TOP - lift - 14) + " " + x2 + "," + (TOP - lift - 14)
                        + " " + x2 + "," + (TOP - 2);
                lx = (x1 + x2) / 2.0;
                ly = TOP - lift - 8;
            } else {
                int drop = 22 + (below++ % 6) * 14;
                int x1 = x(from, gap) + W / 2 - 12;
                int x2 = x(to, gap) + W / 2 + 12;
                int y = TOP + H;
                path = "M" + x1 + "," + y + " C" + x1 + "," + (y + drop + 12) + " " + x2 + "," + (y + drop + 12)
                        + " " + x2 + "," + (y + 2);
                lx = (x1 + x2) / 2.0;
                ly = y + drop + 12;
            }
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#").append(color)
                    .append("\" stroke-width=\"").append(fmt(stroke)).append('"').append(dash)
                    .append(" marker-end=\"url(#arrow-").append(color).append(")\"><title>").append(esc(e.from()))
                    .append(" → ").append(esc(e.to())).append(e.label() == null ? "" : ": " + esc(e.label()))
                    .append("</title></path>");
            if (e.label() != null && !e.label().isBlank()) {
                svg.append("<text x=\"").append(fmt(lx)).append("\" y=\"").append(fmt(ly))
                        .append("\" text-anchor=\"middle\" fill=\"#").append(color).append("\">")
                        .append(esc(e.label())).append("</text>");
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            int x = x(i, gap);
            String kind = n.kind() == null ? "unknown" : n.kind().toLowerCase(Locale.ROOT);
            String fill = switch (kind) {
                case "making" -> "#e8f0ff";
                case "coordination" -> "#fff3e0";
                case "waiting" -> "#eef0f3";
                case "deviation" -> "#fbe4e2";
                default -> "#ffffff";
            };
            String stroke = switch (kind) {
                case "making" -> "#2456c7";
                case "coordination" -> "#a35b00";
                case "deviation" -> "#b3261e";
                default -> "#7a8396";
            };
            int rx = "waiting".equals(kind) ? H / 2 : "coordination".equals(kind) ? 14 : 4;
            svg.append("<g class=\"stage\" data-stage=\"").append(esc(n.id())).append("\">");
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(TOP).append("\" width=\"").append(W)
                    .append("\" height=\"").append(H).append("\" rx=\"").append(rx).append("\" fill=\"").append(fill)
                    .append("\" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\"")
                    .append("coordination".equals(kind) ? " stroke-dasharray=\"0\"" : "").append("/>");
            svg.append("<text x=\"").append(x + W / 2).append("\" y=\"").append(TOP + 17)
                    .append("\" text-anchor=\"middle\" font-weight=\"700\" font-size=\"12\">")
                    .append(esc(clip(n.title(), 24))).append("</text>");
            int y = TOP + 32;
            for (String line : n.lines().subList(0, Math.min(3, n.lines().size()))) {
                svg.append("<text x=\"").append(x + W / 2).append("\" y=\"").append(y)
                        .append("\" text-anchor=\"middle\" fill=\"#3b4457\">").append(esc(clip(line, 30)))
                        .append("</text>");
                y += 13;
            }
            svg.append("</g>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** How far forward an edge goes: 1 to the next node, more for a skip, 0 or less backwards. */
    private static int order(Map<String, Integer> index, Edge e) {
        Integer from = index.get(e.from());
        Integer to = index.get(e.to());
        return from == null || to == null ? 1 : to - from;
    }

    private static int x(int i, int gap) {
        return gap / 2 + i * (W + gap);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

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
