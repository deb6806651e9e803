package dev.baton.assist.draft;

import dev.baton.model.Component;
import dev.baton.model.Field;
import dev.baton.model.FieldType;
import dev.baton.model.Metric;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.Template;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a request states, each put into the template field it is for and typed as the field
 * asks (docs/assist.md, "Brief first draft"). Deterministic and conservative: a value whose field
 * is unclear is left out rather than guessed, and nothing the request does not say is made up.
 * In order of precedence: labelled values ({@code Budget: $20k}); dates, links and numbers put to
 * the field whose cue words stand nearest ({@code starting 1 March}, {@code 300 sign-ups}); enum
 * values, the model's metrics, people and components named; channels; the audience
 * ({@code for fintech CFOs}); the objective ({@code to grow pipeline}); the title (the first sentence).
 */
public final class StatedValues {

    /** Where a labelled part ends: a line, a semicolon, a sentence, or a comma before the next label. */
    private static final Pattern PART_END = Pattern.compile("\\n|;|(?<=[.!?])\\s+(?=\\S)|,\\s*(?=[\\p{L}][\\p{L} _-]{0,40}:\\s)");
    /** {@code Label: value} as one part of a request. */
    private static final Pattern LABEL = Pattern.compile("\\s*([\\p{L}][\\p{L} _-]{0,40}?)\\s*[:=]\\s*(?!//)(\\S.*?)\\s*");
    /** A quoted name: 'Why data contracts fail', "Spring ABM wave", “…”. */
    private static final Pattern QUOTED = Pattern.compile("(?<![\\p{L}])['\"“‘]([^'\"”’\\n]{3,100})['\"”’](?![\\p{L}])");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    private static final Pattern AUDIENCE = Pattern.compile("(?<![\\p{L}])(?:for|targeting|targets|aimed at|aimed towards|"
            + "to reach|reaching|audience(?: is)?|segment(?: is)?)\\s+(.+?)(?=\\s+(?:with|by|on|from|starting|until|measured|"
            + "measuring|via|through|using|before|during|across|so that|in order|to\\s+" + Objective.VERBS + ")(?![\\p{L}])"
            + "|[,;.!?\\n(:]|$)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> TITLE_WORDS = Set.of("name", "title", "topic", "subject", "feature", "headline");
    private static final Set<String> AUDIENCE_WORDS = Set.of("audience", "segment", "persona", "target");
    private static final Set<String> OBJECTIVE_WORDS = Set.of("objective", "goal", "aim", "purpose");
    /** Enum values that are ordinary words: taken only with a cue of their field nearby. */
    private static final Set<String> COMMON = Set.of("none", "other", "yes", "no", "low", "high", "medium", "new", "small",
            "large", "all", "any", "some", "email", "social", "video", "decision");
    /** Channels a request may name besides those past briefs used. */
    private static final List<String> CHANNELS = List.of("paid social", "organic social", "LinkedIn", "LinkedIn ads",
            "Facebook", "Instagram", "YouTube", "TikTok", "email", "email nurture", "newsletter", "webinar", "events",
            "trade show", "conference", "SEO", "SEM", "paid search", "Google Ads", "search ads", "PPC", "display",
            "retargeting", "ABM", "content syndication", "review sites", "podcast", "direct mail", "partners",
            "community", "blog", "PR", "influencers", "SMS", "in-app");

    private StatedValues() {
    }

    /**
     * The values {@code text} states for {@code template}'s fields, by field id in the template's
     * order: text, numbers (double), ISO dates (text), lists of text, person, metric and
     * component ids.
     *
     * @param channels channel names past briefs of the work type used, besides Baton's list
     */
    public static Map<String, Object> read(OperatingModel model, Template template, String text, LocalDate today,
                                           Collection<String> channels) {
        Reading r = new Reading(model, template, text == null ? "" : text, today, channels);
        r.labels();
        r.dates();
        r.urls();
        r.numbers();
        r.enums();
        r.metrics();
        r.components();
        r.people();
        r.channels();
        r.audience();
        r.objective();
        r.title();
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (Field f : template.fields()) {
            if (r.values.containsKey(f.id())) {
                ordered.put(f.id(), r.values.get(f.id()));
            }
        }
        return ordered;
    }

    /** The text field that names the piece of work (its name, title or topic), or null. */
    static Field titleField(Template template) {
        for (Field f : template.fields()) {
            if (f.type() == FieldType.TEXT && (Words.ofId(f.id()).stream().anyMatch(TITLE_WORDS::contains)
                    || Words.of(f.name()).stream().anyMatch(TITLE_WORDS::contains))) {
                return f;
            }
        }
        return null;
    }

    /** The words of a request that start its objective: "to grow …", "so that …". */
    static final class Objective {
        static final String VERBS = "(?:grow|drive|increase|generate|build|win|launch|move|raise|boost|improve|reduce|get|"
                + "convert|educate|promote|announce|create|capture|expand|accelerate|nurture|re-engage|retain|upsell|show|"
                + "explain|position|support|enable)";
        static final Pattern PHRASE = Pattern.compile("(?<![\\p{L}])(?:(?:goal|objective|aim|purpose)(?![\\p{L}])\\s*(?:is\\s*)?(?:to\\s+)?"
                + "|in order to\\s+|so that\\s+|so we can\\s+|to\\s+(?=" + VERBS + "(?![\\p{L}])))(.+?)(?=[;.!?\\n]|\\s+(?:with|"
                + "starting|measured|measuring|budget)(?![\\p{L}])|,\\s|$)", Pattern.CASE_INSENSITIVE);

        private Objective() {
        }
    }

    /** One reading of a request: what is left of its text, and what has been put where. */
    private static final class Reading {
        final OperatingModel model;
        final Template template;
        final String text;
        final LocalDate today;
        final Collection<String> pastChannels;
        /** The text with what has been used blanked out (same length, so positions stay). */
        final StringBuilder rest;
        final Map<String, Object> values = new LinkedHashMap<>();
        final Map<String, Cues> cues = new LinkedHashMap<>();

        Reading(OperatingModel model, Template template, String text, LocalDate today, Collection<String> channels) {
            this.model = model;
            this.template = template;
            this.text = text;
            this.today = today;
            this.pastChannels = channels;
            this.rest = new StringBuilder(text);
            for (Field f : template.fields()) {
                cues.put(f.id(), new Cues(f));
            }
        }

        private List<Field> open(FieldType... types) {
            List<Field> open = new ArrayList<>();
            for (Field f : template.fields()) {
                if (!values.containsKey(f.id()) && List.of(types).contains(f.type())) {
                    open.add(f);
                }
            }
            return open;
        }

        private void use(int start, int end) {
            for (int i = start; i < end; i++) {
                if (rest.charAt(i) != '\n') {
                    rest.setCharAt(i, ' ');
                }
            }
        }

        private String rest() {
            return rest.toString();
        }

        /**
         * {@code Label: value} parts (a line, a sentence, a ;-part, or a comma-part that starts
         * with a label) whose label names a field: its id or name, its initials ({@code CTA} for
         * call-to-action), or words of its id that name no other field ({@code Problem} for
         * problem-statement).
         */
        void labels() {
            int start = 0;
            Matcher end = PART_END.matcher(text);
            while (start <= text.length()) {
                int stop = end.find(start) ? end.start() : text.length();
                int next = stop == text.length() ? text.length() + 1 : end.end();
                Matcher m = LABEL.matcher(text).region(start, stop);
                if (m.matches()) {
                    Field f = labelled(m.group(1).strip());
                    if (f != null && !values.containsKey(f.id())) {
                        // In a comma-separated run ("…, CTA: register now, due by …") the value ends at the next comma.
                        boolean inRun = start > 0 && text.substring(0, start).stripTrailing().endsWith(",");
                        int valueEnd = m.end(2);
                        int comma = text.indexOf(',', m.start(2));
                        if (inRun && comma >= 0 && comma < valueEnd) {
                            valueEnd = comma;
                        }
                        Object value = convert(f, text.substring(m.start(2), valueEnd).replaceAll("[.\\s]+$", ""));
                        if (value != null) {
                            values.put(f.id(), value);
                            use(m.start(1), valueEnd);
                        }
                    }
                }
                start = Math.max(next, start + 1);
            }
        }

        /** The field a label names, or null. */
        private Field labelled(String label) {
            String l = label.toLowerCase(Locale.ROOT);
            String compact = l.replaceAll("[\\s_-]+", "");
            for (Field f : template.fields()) {
                String id = f.id().toLowerCase(Locale.ROOT);
                String initials = Words.ofId(f.id()).size() > 1 ? String.join("", java.util.Arrays.stream(id.split("[-_.]"))
                        .filter(w -> !w.isEmpty()).map(w -> w.substring(0, 1)).toList()) : null;
                if (compact.equals(id.replaceAll("[-_.]", "")) || (f.name() != null && l.equals(f.name().toLowerCase(Locale.ROOT)))
                        || compact.equals(initials)) {
                    return f;
                }
            }
            List<String> words = Words.of(label);
            if (words.isEmpty()) {
                return null;
            }
            List<Field> containing = template.fields().stream().filter(f -> Words.ofId(f.id()).containsAll(words)).toList();
            return containing.size() == 1 ? containing.get(0) : null;
        }

        /** A labelled value as the field's type asks, or null when it is not one. */
        private Object convert(Field f, String raw) {
            if (raw.isEmpty()) {
                return null;
            }
            return switch (f.type()) {
                case DATE -> {
                    LocalDate d = Dates.parse(raw, today);
                    yield d == null ? null : d.toString();
                }
                case NUMBER -> Numbers.parse(raw);
                case ENUM -> f.values().stream().filter(v -> Words.find(raw, v) >= 0 || Words.find(raw, v.replace('-', ' ')) >= 0)
                        .findFirst().orElse(null);
                case LIST -> split(raw);
                case PERSON -> personIn(raw);
                case METRIC -> model.metrics().stream().filter(mt -> named(raw, mt.id(), mt.name()) >= 0)
                        .map(Metric::id).findFirst().orElse(null);
                case COMPONENT -> model.components().stream().filter(c -> named(raw, c.id(), c.name()) >= 0)
                        .map(Component::id).findFirst().orElse(null);
                case URL -> {
                    Matcher u = URL.matcher(raw);
                    yield u.find() ? trimUrl(u.group()) : null;
                }
                case TEXT -> raw;
            };
        }

        private static List<String> split(String raw) {
            List<String> items = new ArrayList<>();
            for (String part : raw.split("\\s*(?:,|\\band\\b|\\s/\\s|\\+)\\s*")) {
                if (!part.isBlank()) {
                    items.add(part.strip());
                }
            }
            return items;
        }

        /** Dates to the date fields whose cues stand nearest; a quarter to a start and an end together. */
        void dates() {
            String rest = rest();
            List<Mention> found = Dates.find(rest, today);
            List<Mention> days = found.stream().filter(d -> d.kind() == Mention.Kind.DATE).toList();
            List<Mention> quarters = found.stream().filter(d -> d.kind() == Mention.Kind.QUARTER).toList();
            assign(rest, days, open(FieldType.DATE), 0, true);
            for (Mention q : quarters) {
                List<Field> open = open(FieldType.DATE);
                Field start = open.stream().filter(f -> cues.get(f.id()).mentions("start")).findFirst().orElse(null);
                Field end = open.stream().filter(f -> cues.get(f.id()).mentions("end")).findFirst().orElse(null);
                if (start != null && end != null && start != end) {
                    LocalDate first = (LocalDate) q.value();
                    values.put(start.id(), first.toString());
                    values.put(end.id(), Dates.quarterEnd(first).toString());
                    use(q.start(), q.end());
                }
            }
        }

        /** Links to the link fields their cue words name ("landing page https://…"). */
        void urls() {
            String rest = rest();
            List<Mention> links = new ArrayList<>();
            Matcher m = URL.matcher(rest);
            while (m.find()) {
                links.add(new Mention(m.start(), m.end(), trimUrl(m.group()), Mention.Kind.URL));
            }
            assign(rest, links, open(FieldType.URL), 0, false);
            // Whatever link no field claimed is still not a number.
            for (Mention l : links) {
                use(l.start(), l.end());
            }
        }

        private static String trimUrl(String url) {
            return url.replaceAll("[.,;:!?)\\]]+$", "");
        }

        /**
         * Numbers to number fields: an amount of money to the field about budget or spend, a
         * percentage to one about a share or confidence, any number to the field whose cues
         * stand nearest.
         */
        void numbers() {
            String rest = rest();
            List<Mention> numbers = Numbers.find(rest, Dates.find(rest, today));
            List<Field> open = open(FieldType.NUMBER);
            List<Candidate> candidates = new ArrayList<>();
            for (Mention n : numbers) {
                List<String> before = Words.before(rest, n.start(), 4);
                List<String> after = Words.after(rest, n.end(), 3);
                for (Field f : open) {
                    Cues c = cues.get(f.id());
                    double score = c.score(before, after);
                    if (n.kind() == Mention.Kind.MONEY && c.mentions("budget")) {
                        score += 3;
                    } else if (n.kind() == Mention.Kind.PERCENT && (c.mentions("confidence", "percent", "rate", "share")
                            || c.weak.contains("percent"))) {
                        score += 3;
                    }
                    if (score > 0) {
                        candidates.add(new Candidate(n, f, score));
                    }
                }
            }
            take(candidates);
        }

        void enums() {
            String rest = rest();
            for (Field f : open(FieldType.ENUM)) {
                Mention best = null;
                for (String v : f.values()) {
                    for (String form : new LinkedHashSet<>(List.of(v, v.replace('-', ' '), v.replace("-", "")))) {
                        int at = Words.find(rest, form);
                        if (at < 0 || (best != null && best.start() <= at)) {
                            continue;
                        }
                        if (COMMON.contains(v.toLowerCase(Locale.ROOT))
                                && cues.get(f.id()).score(Words.before(rest, at, 4), Words.after(rest, at + form.length(), 3)) == 0) {
                            continue;
                        }
                        best = new Mention(at, at + form.length(), v, Mention.Kind.NAME);
                    }
                }
                if (best != null) {
                    values.put(f.id(), best.value());
                    use(best.start(), best.end());
                }
            }
        }

        /** The model's metrics the request names, in the order it names them, to the metric fields in theirs. */
        void metrics() {
            String rest = rest();
            List<Mention> named = new ArrayList<>();
            for (Metric mt : model.metrics()) {
                int at = named(rest, mt.id(), mt.name());
                if (at >= 0) {
                    named.add(new Mention(at, at + 1, mt.id(), Mention.Kind.NAME));
                }
            }
            named.sort(Comparator.comparingInt(Mention::start));
            List<Field> open = open(FieldType.METRIC);
            for (int i = 0; i < Math.min(open.size(), named.size()); i++) {
                values.put(open.get(i).id(), named.get(i).value());
            }
        }

        /** A component only where the request says so: "the messaging component", "component: audience". */
        void components() {
            String rest = rest();
            for (Field f : open(FieldType.COMPONENT)) {
                for (Component c : model.components()) {
                    if (Words.find(rest, c.id() + " component") >= 0
                            || (c.name() != null && Words.find(rest, c.name() + " component") >= 0)) {
                        values.put(f.id(), c.id());
                        break;
                    }
                }
            }
        }

        /** People of the model named (full name, id, or a first name only one person has), to person fields by cue. */
        void people() {
            String rest = rest();
            List<Mention> named = new ArrayList<>();
            for (Person p : model.people()) {
                int at = personAt(rest, p);
                if (at >= 0) {
                    named.add(new Mention(at, at + 1, p.id(), Mention.Kind.PERSON));
                }
            }
            named.sort(Comparator.comparingInt(Mention::start));
            List<Field> open = open(FieldType.PERSON);
            long personFields = template.fields().stream().filter(f -> f.type() == FieldType.PERSON).count();
            assign(rest, named, open, 0, personFields == 1);
            List<Field> lists = open(FieldType.LIST).stream().filter(f -> cues.get(f.id()).mentions("speaker")).toList();
            if (!lists.isEmpty()) {
                List<String> speakers = named.stream().filter(n -> !values.containsValue(n.value()))
                        .map(n -> (String) n.value()).toList();
                if (!speakers.isEmpty()) {
                    values.put(lists.get(0).id(), speakers);
                }
            }
        }

        private String personIn(String raw) {
            return model.people().stream().filter(p -> personAt(raw, p) >= 0).map(Person::id).findFirst().orElse(null);
        }

        private int personAt(String in, Person p) {
            int at = Words.find(in, p.id());
            if (at < 0 && p.name() != null) {
                at = Words.find(in, p.name());
                if (at < 0) {
                    String first = p.name().split("\\s+")[0];
                    boolean unique = model.people().stream().filter(o -> o.name() != null
                            && o.name().split("\\s+")[0].equalsIgnoreCase(first)).count() == 1;
                    // Only as written with a capital: "Maya", not "may".
                    Matcher m = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(first) + "(?![\\p{L}])").matcher(in);
                    if (unique && first.length() > 2 && m.find()) {
                        at = m.start();
                    }
                }
            }
            return at;
        }

        /** Channels named, to the field about channels (a list gets all, in the order named). */
        void channels() {
            List<Field> fields = template.fields().stream()
                    .filter(f -> !values.containsKey(f.id()) && (f.type() == FieldType.LIST || f.type() == FieldType.TEXT)
                            && (cues.get(f.id()).strong.contains("channel") || cues.get(f.id()).weak.contains("channel")))
                    .toList();
            if (fields.isEmpty()) {
                return;
            }
            String rest = rest();
            Set<String> vocabulary = new LinkedHashSet<>(pastChannels);
            vocabulary.addAll(CHANNELS);
            // Longest names first, so that "email nurture" is one channel and not "email".
            List<String> byLength = new ArrayList<>(vocabulary);
            byLength.sort(Comparator.comparingInt(String::length).reversed());
            StringBuilder scan = new StringBuilder(rest);
            List<Mention> found = new ArrayList<>();
            Set<String> seen = new java.util.HashSet<>();
            for (String channel : byLength) {
                int at = Words.find(scan.toString(), channel);
                if (at >= 0 && seen.add(channel.toLowerCase(Locale.ROOT))) {
                    found.add(new Mention(at, at + channel.length(), channel, Mention.Kind.NAME));
                    for (int i = at; i < at + channel.length(); i++) {
                        scan.setCharAt(i, ' ');
                    }
                }
            }
            if (found.isEmpty()) {
                return;
            }
            found.sort(Comparator.comparingInt(Mention::start));
            List<String> names = found.stream().map(f -> (String) f.value()).toList();
            Field f = fields.get(0);
            values.put(f.id(), f.type() == FieldType.LIST ? names : String.join(", ", names));
        }

        /** Who it is for: "for fintech CFOs in the UK", "targeting…", to the field about audience or segment. */
        void audience() {
            List<Field> fields = open(FieldType.TEXT).stream().filter(f -> AUDIENCE_WORDS.stream()
                    .anyMatch(w -> cues.get(f.id()).strong.contains(w) || cues.get(f.id()).weak.contains(w))).toList();
            if (fields.isEmpty()) {
                return;
            }
            Matcher m = AUDIENCE.matcher(rest());
            while (m.find()) {
                String phrase = withoutDanglingWords(m.group(1));
                int words = phrase.split("\\s+").length;
                if (words <= 12 && !phrase.matches("(?i)(q[1-4]|h[12]|\\d|the (?:next|first|last|week|month|quarter)|now|today|"
                        + "a |an |this |next |it\\b|us\\b|them\\b).*")) {
                    values.put(fields.get(0).id(), phrase);
                    use(m.start(1), m.end(1));
                    return;
                }
            }
        }

        /** What it is for: "to grow pipeline among…", "goal: …", to the field about the objective or goal. */
        void objective() {
            List<Field> fields = open(FieldType.TEXT).stream().filter(f -> OBJECTIVE_WORDS.stream()
                    .anyMatch(w -> cues.get(f.id()).strong.contains(w))).toList();
            if (fields.isEmpty()) {
                return;
            }
            Matcher m = Objective.PHRASE.matcher(rest());
            if (m.find()) {
                String phrase = withoutDanglingWords(m.group(1));
                if (!phrase.isEmpty()) {
                    values.put(fields.get(0).id(), Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1));
                    use(m.start(1), m.end(1));
                }
            }
        }

        /**
         * The name of the work, to the first text field that is a name or title: a quoted name in
         * the request, else its first sentence (after a label no field has, as in "Pitch: …").
         */
        void title() {
            Field field = titleField(template);
            if (field == null || values.containsKey(field.id())) {
                return;
            }
            Matcher quoted = QUOTED.matcher(rest());
            if (quoted.find()) {
                values.put(field.id(), quoted.group(1).strip());
                use(quoted.start(), quoted.end());
                return;
            }
            String first = firstSentence(text);
            Matcher label = LABEL.matcher(first);
            if (label.matches()) {
                first = label.group(2).strip();
            }
            if (!first.isEmpty()) {
                values.put(field.id(), first);
            }
        }

        private static String firstSentence(String text) {
            String first = text.strip().split("(?<=[.!?])\\s+|\\n", 2)[0].replaceAll("[.]+$", "").strip();
            if (first.length() <= 80) {
                return first;
            }
            int cut = first.lastIndexOf(' ', 80);
            return (cut > 20 ? first.substring(0, cut) : first.substring(0, 80)).strip() + "…";
        }

        /**
         * Puts mentions into fields, best cue score first; a mention no cue points at goes, when
         * {@code inOrder}, to the next open field in the template's order (required first).
         */
        private void assign(String rest, List<Mention> mentions, List<Field> open, double minimum, boolean inOrder) {
            List<Candidate> candidates = new ArrayList<>();
            for (Mention n : mentions) {
                List<String> before = Words.before(rest, n.start(), 4);
                List<String> after = Words.after(rest, n.end(), 3);
                for (Field f : open) {
                    double score = cues.get(f.id()).score(before, after);
                    if (score > minimum) {
                        candidates.add(new Candidate(n, f, score));
                    }
                }
            }
            Set<Mention> used = take(candidates);
            if (!inOrder) {
                return;
            }
            List<Field> left = new ArrayList<>(open.stream().filter(f -> !values.containsKey(f.id())).toList());
            left.sort(Comparator.comparing((Field f) -> !f.required()));
            for (Mention n : mentions) {
                if (used.contains(n) || left.isEmpty()) {
                    continue;
                }
                Field f = left.remove(0);
                values.put(f.id(), valueOf(n));
                use(n.start(), n.end());
            }
        }

        /** Takes the best-scoring (mention, field) pairs, each mention and field once; returns the mentions used. */
        private Set<Mention> take(List<Candidate> candidates) {
            candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                    .thenComparingInt(c -> c.mention().start()));
            Set<Mention> used = new java.util.HashSet<>();
            for (Candidate c : candidates) {
                if (used.contains(c.mention()) || values.containsKey(c.field().id())) {
                    continue;
                }
                values.put(c.field().id(), valueOf(c.mention()));
                used.add(c.mention());
                use(c.mention().start(), c.mention().end());
            }
            return used;
        }

        private static Object valueOf(Mention m) {
            return m.value() instanceof LocalDate d ? d.toString() : m.value();
        }

        private static int named(String in, String id, String name) {
            int at = Words.find(in, id);
            if (at < 0) {
                at = Words.find(in, id.replace('-', ' '));
            }
            if (at < 0 && name != null) {
                at = Words.find(in, name);
            }
            return at;
        }
    }

    private record Candidate(Mention mention, Field field, double score) {
    }

    /**
     * A phrase cut where another value was taken out ("for CFOs in Q2 2027" once the quarter is a date)
     * must not end on a word that only led into it: "CFOs in" is read as "CFOs".
     */
    static String withoutDanglingWords(String phrase) {
        String p = phrase.strip();
        while (true) {
            String cut = p.replaceFirst("(?i)[\\s,;:-]+(?:in|at|of|for|and|or|the|a|an|to|on|by|during|from|with|via|"
                    + "across|within|over|per)$", "");
            if (cut.equals(p)) {
                return p.replaceFirst("[\\s,;:-]+$", "");
            }
            p = cut;
        }
    }
}
