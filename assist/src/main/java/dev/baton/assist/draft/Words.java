package dev.baton.assist.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words of a request as the extraction compares them: lower case, hyphens joined, a plural's s dropped. */
final class Words {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'][\\p{L}\\p{N}]+)*");
    /** Where a clause ends: a cue on the other side of it does not speak about a value. */
    private static final Pattern BOUNDARY = Pattern.compile("[,;!?\\n]|\\.(?=\\s|$)");

    static final Set<String> STOP = Set.of("a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "with", "by", "per",
            "is", "are", "be", "it", "its", "this", "that", "we", "our", "us", "at", "from", "as", "each", "one", "line",
            "who", "what", "which", "how", "e.g", "eg", "etc", "than", "into", "about", "your", "their", "total");

    private Words() {
    }

    /** The comparable form of one word. */
    static String norm(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace("-", "").replace("'", "");
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** The comparable words of a text, in order. */
    static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(norm(m.group()));
        }
        return words;
    }

    /** The words of an id split at its hyphens ({@code target-signups} → target, signup), and the id joined. */
    static List<String> ofId(String id) {
        List<String> words = new ArrayList<>();
        for (String part : id.split("[-_.]")) {
            if (!part.isEmpty()) {
                words.add(norm(part));
            }
        }
        if (words.size() > 1) {
            words.add(norm(id));
        }
        return words;
    }

    /** Up to {@code n} words before {@code start} within its clause, nearest first. */
    static List<String> before(String text, int start, int n) {
        int from = 0;
        Matcher b = BOUNDARY.matcher(text);
        while (b.find() && b.end() <= start) {
            from = b.end();
        }
        List<String> words = of(text.substring(from, start));
        List<String> nearest = new ArrayList<>();
        for (int i = words.size() - 1; i >= 0 && nearest.size() < n; i--) {
            nearest.add(words.get(i));
        }
        return nearest;
    }

    /** Up to {@code n} words after {@code end} within its clause, nearest first. */
    static List<String> after(String text, int end, int n) {
        Matcher b = BOUNDARY.matcher(text);
        int to = text.length();
        if (b.find(end)) {
            to = b.start();
        }
        List<String> words = of(text.substring(end, to));
        return words.subList(0, Math.min(n, words.size()));
    }

    /** Whether {@code phrase} occurs in {@code text} as whole words, case-insensitively; its start or −1. */
    static int find(String text, String phrase) {
        if (phrase == null || phrase.isBlank()) {
            return -1;
        }
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
        return m.find() ? m.start() : -1;
    }
}
