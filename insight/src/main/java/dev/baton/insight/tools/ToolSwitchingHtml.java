package dev.baton.insight.tools;

import static dev.baton.insight.picture.FlowSvg.esc;

import dev.baton.insight.tools.ToolSwitching.DuplicateTracking;
import dev.baton.insight.tools.ToolSwitching.Identity;
import dev.baton.insight.tools.ToolSwitching.Integration;
import dev.baton.insight.tools.ToolSwitching.PersonDay;
import dev.baton.insight.tools.ToolSwitching.StageTools;
import java.util.Locale;
import java.util.stream.Collectors;

/** The tool-switching section of the HTML report: figures, then each kind of evidence as a table. */
public final class ToolSwitchingHtml {

    private ToolSwitchingHtml() {
    }

    public static String section(ToolSwitching t) {
        StringBuilder h = new StringBuilder("<h2 id=\"tool-switching\">Tool switching</h2>");
        h.append("<p>").append(esc(t.summary())).append(" <span class=\"muted\">Its own measure, not in the score.</span></p>\n");
        if (!t.integrations().isEmpty()) {
            h.append("<h3>Integrations that would remove the most switches</h3><table><tr><th>systems</th>")
                    .append("<th class=\"num\">switches</th><th class=\"num\">person-days</th><th>people</th></tr>");
            for (Integration i : t.integrations()) {
                h.append("<tr><td>").append(esc(i.between() + " ↔ " + i.and())).append("</td><td class=\"num\">")
                        .append(i.switches()).append("</td><td class=\"num\">").append(i.personDays()).append("</td><td>")
                        .append(esc(String.join(", ", i.people()))).append("</td></tr>");
            }
            h.append("</table>\n");
        }
        if (!t.busiestDays().isEmpty()) {
            h.append("<h3>Busiest person-days</h3><table><tr><th>person</th><th>day</th><th class=\"num\">switches</th>")
                    .append("<th>systems in order</th><th>events</th></tr>");
            for (PersonDay d : t.busiestDays()) {
                h.append("<tr><td>").append(esc(d.person())).append("</td><td>").append(d.day()).append("</td><td class=\"num\">")
                        .append(d.switches()).append("</td><td>").append(esc(d.sequence())).append("</td><td class=\"muted\">")
                        .append(d.positions().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                        .append("</td></tr>");
            }
            h.append("</table>\n");
        }
        if (!t.duplicates().isEmpty()) {
            h.append("<h3>Stages tracked in two systems (").append(t.duplicatesTotal()).append(")</h3><ul>");
            for (DuplicateTracking d : t.duplicates()) {
                h.append("<li>").append(esc(ToolSwitchingText.sentence(d))).append("</li>");
            }
            h.append("</ul>\n");
        }
        if (!t.stages().isEmpty()) {
            h.append("<h3>Which systems carry each stage</h3><table><tr><th>stage</th><th class=\"num\">events</th>")
                    .append("<th>share per system</th></tr>");
            for (StageTools s : t.stages()) {
                h.append("<tr><td>").append(esc(s.stage())).append("</td><td class=\"num\">").append(s.events())
                        .append("</td><td>").append(esc(s.bySource().entrySet().stream().map(e -> String.format(Locale.ROOT,
                                "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / s.events())).collect(Collectors.joining(", "))))
                        .append("</td></tr>");
            }
            h.append("</table>\n");
        }
        if (!t.identities().isEmpty()) {
            h.append("<h3>Users per system</h3><table><tr><th>system</th><th>user</th><th class=\"num\">events</th>")
                    .append("<th>person</th><th>matched by</th></tr>");
            for (Identity i : t.identities()) {
                h.append("<tr><td>").append(esc(i.source())).append("</td><td>").append(esc(i.user()))
                        .append("</td><td class=\"num\">").append(i.events()).append("</td><td>")
                        .append(i.person() == null ? "<strong>none</strong>" : esc(i.person())).append("</td><td>")
                        .append(esc(i.how() + (i.candidates().isEmpty() ? "" : ": " + String.join(" or ", i.candidates()))))
                        .append("</td></tr>");
            }
            h.append("</table>\n");
        }
        return h.toString();
    }
}
