package dev.baton.insight.picture;

/**
 * How wide a line of text is drawn, estimated without a font system: the advance widths of DejaVu
 * Sans (regular and bold, in thousandths of the font size, for the printable ASCII characters), which
 * is wider than the faces a browser picks for {@code system-ui, sans-serif} (Segoe UI, San Francisco,
 * Roboto, Cantarell), plus 4 %. Any other character counts as wide as an em for punctuation and
 * symbols and 0.8 em (0.86 bold) for letters and digits, which covers accented Latin letters with room
 * to spare. Sizing every box from this estimate keeps labels inside their boxes in every browser, and
 * needs no fonts on the server (the jar also runs on a headless JRE without fontconfig).
 */
public final class TextWidth {

    private static final int[] REGULAR = {
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
        1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
        500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838};
    private static final int[] BOLD = {
        348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365,
        696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580,
        1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
        733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500,
        500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
        716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838};
    private static final double MARGIN = 1.04;

    private TextWidth() {
    }

    /** The drawn width in pixels of {@code text} at {@code size} pixels, bold or not. */
    public static double of(String text, double size, boolean bold) {
        double thousandths = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 32 && c < 127) {
                thousandths += (bold ? BOLD : REGULAR)[c - 32];
            } else if (Character.isLetterOrDigit(c)) {
                thousandths += bold ? 860 : 800;
            } else {
                thousandths += 1000;
            }
        }
        return thousandths / 1000 * size * MARGIN;
    }
}
