package dev.baton.assist.narrative;

import dev.baton.insight.weekly.WeeklyReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A narrative on top of the weekly status report (docs/assist.md): the report's facts, and only
 * them, turned into a few sentences, each citing the lines it rests on. Offline and deterministic:
 * one sentence per section that has lines, naming its items in the report's order (the first
 * {@link #NAMED} by title, the rest counted), and one about the debt score. It decides nothing and
 * adds nothing the report does not say; a line it cites is the report's {@code section#index}.
 */
public final class WeeklyNarrative {

    /** How many items a sentence names before it counts the rest. */
    public static final int NAMED = 3;

    private WeeklyNarrative() {
    }

    /** A fact of the report a sentence rests on: its section, its place there, the item it is about. */
    public record Citation(String ref, String section, int index, String item, String title) {
    }

    /** One sentence of the narrative with the report lines it cites. */
    public record Sentence(String text, List<Citation> citations) {
        public Sentence {
            citations = List.copyOf(citations);
        }
    }

    public static List<Sentence> of(WeeklyReport report) {
        List<Sentence> sentences = new ArrayList<>();
        for (WeeklyReport.Section s : report.sections()) {
            if (!s.lines().isEmpty()) {
                sentences.add(sentence(s));
            }
        }
        if (sentences.isEmpty()) {
            sentences.add(new Sentence("Nothing in the report happened this week: no item was completed, moved, blocked, "
                    + "late, decided or sent back.", List.of()));
        }
        WeeklyReport.DebtChange debt = report.debt();
        if (debt != null) {
            String text = debt.before() == null
                    ? String.format(Locale.ROOT, "The debt score stands at %.0f (%s); there is no score from the week before to compare.",
                    debt.after(), debt.band())
                    : String.format(Locale.ROOT, "The debt score %s from %.0f to %.0f (%s)%s.",
                    debt.change() > 0 ? "rose" : debt.change() < 0 ? "fell" : "stayed", debt.before(), debt.after(),
                    debt.band(), debt.components().isEmpty() ? "" : ", most of all in " + debt.components().get(0).title());
            sentences.add(new Sentence(text, List.of(new Citation("debt", "debt", 0, null, null))));
        }
        return sentences;
    }

    private static Sentence sentence(WeeklyReport.Section s) {
        List<Citation> cited = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (int i = 0; i < s.lines().size(); i++) {
            WeeklyReport.Line l = s.lines().get(i);
            Citation c = new Citation(s.id() + "#" + (i + 1), s.id(), i + 1, l.item(), l.title());
            cited.add(c);
            if (i < NAMED) {
                named.add("“" + (l.title() == null ? l.item() : l.title()) + "” [" + c.ref() + "]");
            }
        }
        int n = s.lines().size();
        String items = join(named) + (n > NAMED ? " and " + (n - NAMED) + " more" : "");
        String text = switch (s.id()) {
            case "completed" -> count(n, "item was", "items were") + " completed: " + items + ".";
            case "moved" -> count(n, "move was", "moves were") + " made, among them " + items + ".";
            case "blocked" -> count(n, "item was", "items were") + " blocked at the week's end: " + items + ".";
            case "slas" -> count(n, "SLA was", "SLAs were") + " breached or about to be, on " + items + ".";
            case "decisionsMade" -> count(n, "decision was", "decisions were") + " made, on " + items + ".";
            case "decisionsWaiting" -> count(n, "decision is", "decisions are") + " still waiting, on " + items + ".";
            case "handoffsRejected" -> count(n, "handoff was", "handoffs were") + " sent back: " + items + ".";
            default -> s.title() + ": " + items + ".";
        };
        return new Sentence(text, cited);
    }

    private static String count(int n, String one, String many) {
        return n == 1 ? "1 " + one : n + " " + many;
    }

    private static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
