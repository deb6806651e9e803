package dev.baton.assist.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as requests write them: amounts of money ({@code $20k}, {@code 20,000 USD}), percentages
 * ({@code 60%}) and plain numbers ({@code 450}, {@code 1.5m}). Numbers inside dates, ids and words
 * ({@code Q3}, {@code tier-1}, {@code H2}) and years on their own are not values.
 */
final class Numbers {

    private static final String AMOUNT = "(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?";
    private static final Pattern MONEY = Pattern.compile("(?<![\\p{L}\\d.])(?:[$€£]\\s?" + AMOUNT + "\\s?([kKmM](?![\\p{L}]))?"
            + "|" + AMOUNT + "\\s?([kKmM])?\\s?(?:usd|eur|gbp|dollars?|euros?|pounds?)(?![\\p{L}]))", Pattern.CASE_INSENSITIVE);
    private static final Pattern PERCENT = Pattern.compile("(?<![\\p{L}\\d.])" + AMOUNT + "\\s?(?:%|percent(?![\\p{L}])|per cent(?![\\p{L}]))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAIN = Pattern.compile("(?<![\\p{L}\\d.$€£/:#-])" + AMOUNT + "(?:\\s?([kKmM])(?![\\p{L}\\d]))?(?![\\p{L}\\d%/-]|\\.\\d)");

    private Numbers() {
    }

    /** Every number the text states outside {@code taken} (dates, links), in order. */
    static List<Mention> find(String text, List<Mention> taken) {
        List<Mention> found = new ArrayList<>();
        Matcher m = MONEY.matcher(text);
        while (m.find()) {
            boolean symbol = m.group(1) != null;
            double v = value(symbol ? m.group(1) : m.group(4), symbol ? m.group(2) : m.group(5),
                    symbol ? m.group(3) : m.group(6));
            add(found, taken, new Mention(m.start(), m.end(), v, Mention.Kind.MONEY));
        }
        m = PERCENT.matcher(text);
        while (m.find()) {
            add(found, taken, new Mention(m.start(), m.end(), value(m.group(1), m.group(2), null), Mention.Kind.PERCENT));
        }
        m = PLAIN.matcher(text);
        while (m.find()) {
            double v = value(m.group(1), m.group(2), m.group(3));
            boolean year = m.group(2) == null && m.group(3) == null && m.group(1).length() == 4 && v >= 1900 && v <= 2100;
            if (!year) {
                add(found, taken, new Mention(m.start(), m.end(), v, Mention.Kind.NUMBER));
            }
        }
        found.sort(java.util.Comparator.comparingInt(Mention::start));
        return found;
    }

    /** The first number of a value ("$20k", "450 accounts"), or null. */
    static Double parse(String value) {
        return find(value, List.of()).stream().map(n -> (Double) n.value()).findFirst().orElse(null);
    }

    private static void add(List<Mention> found, List<Mention> taken, Mention mention) {
        boolean clash = taken.stream().anyMatch(t -> t.overlaps(mention.start(), mention.end()))
                || found.stream().anyMatch(t -> t.overlaps(mention.start(), mention.end()));
        if (!clash) {
            found.add(mention);
        }
    }

    private static double value(String whole, String fraction, String suffix) {
        double v = Double.parseDouble(whole.replace(",", "") + (fraction == null ? "" : "." + fraction));
        if (suffix != null) {
            v *= suffix.toLowerCase(Locale.ROOT).equals("k") ? 1_000 : 1_000_000;
        }
        return v;
    }
}
