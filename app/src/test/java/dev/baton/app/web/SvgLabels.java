package dev.baton.app.web;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The text of one SVG as boxes, measured independently of the renderer: each {@code <text>}'s
 * width from the font metrics of DejaVu Sans (java.awt in headless mode; the face Chromium shows
 * for system-ui on this machine, and wider than the faces of Windows and macOS), its height from the
 * font's ascent and descent, placed by x, y and text-anchor; sizes inherited from the enclosing
 * elements. Coordinates are the drawing's (viewBox) units; {@link #scale()} turns them into CSS px.
 */
record SvgLabels(String title, double width, double height, double scale, List<Box> boxes) {

    record Box(String text, double x, double y, double width, double height, double size) {
        boolean overlaps(Box o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "'%s' at (%.1f, %.1f) %.1f×%.1f", text, x, y, width, height);
        }
    }

    private static final Graphics2D G;

    static {
        System.setProperty("java.awt.headless", "true");
        G = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    }

    static SvgLabels of(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        String[] viewBox = root.getAttribute("viewBox").trim().split("\\s+");
        double vw = Double.parseDouble(viewBox[2]);
        double vh = Double.parseDouble(viewBox[3]);
        double scale = Double.parseDouble(root.getAttribute("width")) / vw;
        List<Box> boxes = new ArrayList<>();
        NodeList texts = root.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            String text = t.getTextContent();
            double size = Double.parseDouble(inherited(t, "font-size", "16"));
            boolean bold = inherited(t, "font-weight", "400").matches("bold|[6-9]00");
            FontMetrics m = G.getFontMetrics(new Font("DejaVu Sans", bold ? Font.BOLD : Font.PLAIN, 100));
            double w = m.stringWidth(text) * size / 100;
            double ascent = m.getAscent() * size / 100;
            double descent = m.getDescent() * size / 100;
            double x = Double.parseDouble(t.getAttribute("x"));
            double y = Double.parseDouble(t.getAttribute("y"));
            String anchor = inherited(t, "text-anchor", "start");
            double left = anchor.equals("middle") ? x - w / 2 : anchor.equals("end") ? x - w : x;
            boxes.add(new Box(text, left, y - ascent, w, ascent + descent, size));
        }
        String title = root.getElementsByTagName("title").getLength() > 0
                ? root.getElementsByTagName("title").item(0).getTextContent() : "";
        return new SvgLabels(title, vw, vh, scale, boxes);
    }

    private static String inherited(Element e, String attribute, String otherwise) {
        for (org.w3c.dom.Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (el.hasAttribute(attribute)) {
                return el.getAttribute(attribute);
            }
        }
        return otherwise;
    }

    /** Every pair of text boxes that overlap, and every box that reaches out of the drawing. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            Box a = boxes.get(i);
            if (a.x < 0 || a.y < 0 || a.x + a.width > width || a.y + a.height > height) {
                problems.add(title + ": " + a + " reaches out of the drawing " + width + "×" + height);
            }
            for (int j = i + 1; j < boxes.size(); j++) {
                if (a.overlaps(boxes.get(j))) {
                    problems.add(title + ": " + a + " overlaps " + boxes.get(j));
                }
            }
        }
        return problems;
    }

    /** The smallest text as shown, in CSS px. */
    double smallestTextPx() {
        return boxes.stream().mapToDouble(Box::size).min().orElse(99) * scale;
    }

    /** The width as shown, in CSS px. */
    double shownWidth() {
        return width * scale;
    }
}
