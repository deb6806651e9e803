package dev.baton.insight.simulation;

import dev.baton.insight.simulation.Storyteller.Kind;
import dev.baton.model.Component;
import dev.baton.model.Field;
import dev.baton.model.FieldType;
import dev.baton.model.Metric;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What one item (or one request) is about: a theme (its parent's, when it serves one), a
 * segment, a region, an audience, a channel, a feature, a customer; its title; and its brief,
 * a value for every field it is asked for, the same value each time (the launch date a handoff
 * carries is the one the brief was written with). Its reasons and comments are written from the
 * same words. Every draw comes from the story's own random numbers.
 */
final class Story {

    private final Storyteller teller;
    private final OperatingModel model;
    private final WorkType type;
    private final Story parent;
    private final LocalDate day;
    private final SplittableRandom words;
    private final Vocabulary.Theme theme;
    private final Map<String, Object> brief = new HashMap<>();
    private String segment;
    private String region;
    private List<String> audience;
    private String channel;
    private String feature;
    private String qualifier;
    private String customer;
    private String partner;
    private String city;
    private int n;
    private String title;
    private String requester;

    Story(Storyteller teller, WorkType type, Story parent, LocalDate day, SplittableRandom words) {
        this.teller = teller;
        this.model = teller.model();
        this.type = type;
        this.parent = parent;
        this.day = day;
        this.words = words;
        this.theme = parent != null ? parent.theme : pick(Vocabulary.THEMES);
    }

    /** Draws everything but the theme afresh and returns the title it makes. */
    String draw() {
        brief.clear();
        segment = parent != null && words.nextDouble() < 0.5 ? parent.segment : pick(Vocabulary.SEGMENTS);
        region = parent != null && words.nextDouble() < 0.5 ? parent.region : pick(Vocabulary.REGIONS);
        audience = pick(Vocabulary.AUDIENCES);
        channel = pick(Vocabulary.CHANNELS);
        feature = pick(theme.features());
        qualifier = pick(Vocabulary.QUALIFIERS);
        customer = pick(Vocabulary.CUSTOMERS);
        partner = pick(Vocabulary.PARTNERS);
        city = pick(Vocabulary.CITIES);
        n = pick(Vocabulary.COUNTS);
        Template template = teller.template(type);
        if (template != null) {
            // Enum fields first: an asset's format and a launch's tier are in its title.
            for (Field f : template.fields()) {
                if (f.id() != null && f.type() == FieldType.ENUM) {
                    value(f);
                }
            }
        }
        return titleText();
    }

    OperatingModel model() {
        return model;
    }

    void title(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }

    /** Who asked for it: a person field named requester or submitter names them. */
    void requester(String personId) {
        this.requester = personId;
    }

    private String titleText() {
        Kind kind = teller.kind(type.id());
        String text;
        switch (kind) {
            case PROGRAM -> text = fill(pick(Vocabulary.PROGRAM_TITLES));
            case CAMPAIGN -> text = fill(pick(Vocabulary.CAMPAIGN_TITLES));
            case EVENT -> text = fill(pick(Vocabulary.EVENT_TITLES));
            case LAUNCH -> {
                text = fill(pick(Vocabulary.LAUNCH_TITLES));
                String tier = tier();
                if (tier != null) {
                    text = text + " (" + tier + ")";
                }
            }
            case ASSET -> {
                String format = format();
                List<String> patterns = format == null ? null : Vocabulary.ASSET_TITLES.get(format);
                if (patterns == null) {
                    text = fill(pick(Vocabulary.OTHER_TITLES));
                } else {
                    text = fill(pick(patterns));
                    if (format.equals(inferredFormat(type))) {
                        // A work type of one format: "Blog post" items need no "Blog: " in front.
                        int colon = text.indexOf(": ");
                        text = colon < 0 ? text : capital(text.substring(colon + 2));
                    }
                }
            }
            default -> text = fill(pick(Vocabulary.OTHER_TITLES));
        }
        return capital(text.replaceAll("\\s+", " ").replace(" )", ")").strip());
    }

    /** The format of an asset: its template's enum of formats, else what the work type's name says. */
    private String format() {
        Template template = teller.template(type);
        if (template != null) {
            for (Field f : template.fields()) {
                if (f.type() == FieldType.ENUM && f.values() != null
                        && f.values().stream().anyMatch(Vocabulary.ASSET_TITLES::containsKey)
                        && brief.get(f.id()) instanceof String v) {
                    return v;
                }
            }
        }
        return inferredFormat(type);
    }

    /** The one format a work type's id or name stands for ("blog-post" for a Blog post), or null. */
    static String inferredFormat(WorkType w) {
        String words = (w.id() + " " + (w.name() == null ? "" : w.name())).toLowerCase(Locale.ROOT);
        if (words.contains("blog") || words.matches(".*\\bposts?\\b.*")) {
            return "blog-post";
        }
        for (String format : List.of("ebook", "video", "email", "landing-page", "one-pager", "social", "webinar")) {
            if (words.contains(format) || words.contains(format.replace('-', ' '))) {
                return format;
            }
        }
        return null;
    }

    /** A launch's tier as words ("tier 1"), from an enum field whose id says tier. */
    private String tier() {
        Template template = teller.template(type);
        if (template == null) {
            return null;
        }
        for (Field f : template.fields()) {
            if (f.type() == FieldType.ENUM && f.id() != null && f.id().contains("tier") && brief.get(f.id()) instanceof String v) {
                return v.replace('-', ' ').replace('_', ' ');
            }
        }
        return null;
    }

    // ---- the brief ----------------------------------------------------------------------------

    /** The value of a field in the stored form events use; the same every time it is asked for. */
    Object value(Field f) {
        Object v = brief.get(f.id());
        if (v == null && !brief.containsKey(f.id())) {
            v = make(f);
            brief.put(f.id(), v);
        }
        return v;
    }

    /** A number by its name (a prioritisation input), the same as the field of that name. */
    double number(String name) {
        Object v = brief.get(name);
        if (v instanceof Double d) {
            return d;
        }
        double d = number(name.toLowerCase(Locale.ROOT), true);
        brief.put(name, d);
        return d;
    }

    private Object make(Field f) {
        String id = f.id().toLowerCase(Locale.ROOT);
        return switch (f.type()) {
            case TEXT -> text(id);
            case NUMBER -> number(id, false);
            case DATE -> date(id).toString();
            case ENUM -> f.values() == null || f.values().isEmpty() ? "other" : enumValue(id, f.values());
            case LIST -> list(id);
            case URL -> "https://example.com/" + slug(f.id()) + "/" + slug(title == null ? theme.name() : title);
            case PERSON -> person(id);
            case METRIC -> type.success().isEmpty() ? pickOr(model.metrics().stream().map(Metric::id).toList())
                    : pick(type.success());
            case COMPONENT -> pickOr(model.components().stream().map(Component::id).toList());
        };
    }

    private String enumValue(String id, List<String> values) {
        if (id.contains("tier") && values.size() > 1) {
            // Few launches are tier 1: the later values (smaller launches) are more likely.
            int i = Math.max(words.nextInt(values.size()), words.nextInt(values.size()));
            return values.get(i);
        }
        return pick(values);
    }

    private String text(String id) {
        if (id.contains("feature")) {
            return feature;
        }
        if (id.contains("title") || id.contains("name")) {
            return title == null ? capital(theme.name()) : title;
        }
        List<String> patterns;
        if (id.contains("objective") || id.contains("goal")) {
            patterns = Vocabulary.OBJECTIVES;
        } else if (id.contains("segment")) {
            patterns = Vocabulary.SEGMENT_NOTES;
        } else if (id.contains("audience") || id.contains("persona")) {
            patterns = Vocabulary.AUDIENCE_NOTES;
        } else if (id.contains("problem") || id.contains("pain")) {
            patterns = Vocabulary.PROBLEMS;
        } else if (id.contains("message") || id.contains("positioning") || id.contains("value")) {
            patterns = Vocabulary.MESSAGES;
        } else if (id.contains("action") || id.contains("cta")) {
            patterns = Vocabulary.CALLS_TO_ACTION;
        } else if (id.contains("context") || id.contains("background") || id.contains("reason") || id.contains("why")) {
            patterns = Vocabulary.CONTEXTS;
        } else if (id.contains("keyword")) {
            return fill(pick(Vocabulary.KEYWORDS));
        } else if (id.contains("angle") || id.contains("hook")) {
            patterns = Vocabulary.ANGLES;
        } else if (id.contains("topic") || id.contains("theme")) {
            patterns = List.of("{Theme} for {audience}");
        } else {
            patterns = Vocabulary.OTHER_TEXT;
        }
        return capital(fill(pick(patterns)));
    }

    private double number(String id, boolean input) {
        if (id.contains("reach")) {
            return Math.max(20, Math.round(400 * Math.exp(0.8 * words.nextGaussian()) / 10.0) * 10.0);
        }
        if (id.contains("impact")) {
            return pick(List.of(0.5, 1.0, 1.0, 2.0, 2.0, 3.0));
        }
        if (id.contains("confidence")) {
            return 50 + 10 * words.nextInt(6);
        }
        if (id.contains("effort") || id.contains("size")) {
            return pick(List.of(0.5, 1.0, 1.0, 2.0, 2.0, 3.0, 4.0, 6.0));
        }
        if (id.contains("budget") || id.contains("cost") || id.contains("spend")) {
            return 500.0 * (3 + words.nextInt(80));
        }
        if (id.contains("signup") || id.contains("registration") || id.contains("attendee") || id.contains("lead")) {
            return 25.0 * (4 + words.nextInt(28));
        }
        if (id.contains("business-value") || id.contains("critical") || id.contains("risk")) {
            return pick(List.of(1.0, 2.0, 3.0, 5.0, 8.0, 13.0));
        }
        return 1 + words.nextInt(5);
    }

    private LocalDate date(String id) {
        int weeks;
        if (id.contains("end")) {
            Object start = brief.entrySet().stream().filter(e -> e.getKey().contains("start") && e.getValue() instanceof String)
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (start != null) {
                return weekday(LocalDate.parse((String) start).plusWeeks(4 + words.nextInt(5)));
            }
            weeks = 5 + words.nextInt(6);
        } else if (id.contains("launch") || id.contains("event") || id.contains("live")) {
            weeks = 3 + words.nextInt(6);
        } else if (id.contains("start")) {
            weeks = 1 + words.nextInt(3);
        } else if (id.contains("due") || id.contains("publish")) {
            weeks = 1 + words.nextInt(3);
        } else {
            weeks = 2 + words.nextInt(5);
        }
        return weekday(day.plusWeeks(weeks).plusDays(words.nextInt(5)));
    }

    private static LocalDate weekday(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY ? d.plusDays(2) : d.getDayOfWeek() == DayOfWeek.SUNDAY ? d.plusDays(1) : d;
    }

    private List<String> list(String id) {
        if (id.contains("channel")) {
            return distinct(channel, Vocabulary.CHANNELS, 2 + words.nextInt(3));
        }
        if (id.contains("proof")) {
            return List.of(capital(fill(pick(Vocabulary.PROOF_POINTS))), capital(fill(pick(Vocabulary.PROOF_POINTS))));
        }
        if (id.contains("asset") || id.contains("deliverable")) {
            return distinct(null, Vocabulary.LAUNCH_ASSETS, 3 + words.nextInt(2));
        }
        if (id.contains("speaker") || id.contains("panel")) {
            List<String> speakers = new ArrayList<>(distinct(null, model.people().stream().map(Person::name)
                    .filter(s -> s != null).toList(), 1 + words.nextInt(2)));
            if (words.nextBoolean()) {
                speakers.add("A guest from " + customer);
            }
            return List.copyOf(speakers);
        }
        if (id.contains("keyword") || id.contains("tag")) {
            return List.of(fill(pick(Vocabulary.KEYWORDS)), fill(pick(Vocabulary.KEYWORDS)));
        }
        return List.of(capital(theme.name()), capital(segment) + " accounts");
    }

    /** {@code count} different entries: {@code first} (if any), then others in random order. */
    private List<String> distinct(String first, List<String> from, int count) {
        Set<String> chosen = new LinkedHashSet<>();
        if (first != null) {
            chosen.add(first);
        }
        int room = Math.min(count, from.size());
        for (int tries = 0; chosen.size() < room && tries < 50; tries++) {
            chosen.add(pick(from));
        }
        return List.copyOf(chosen);
    }

    private String person(String id) {
        if ((id.contains("requester") || id.contains("submitter")) && requester != null) {
            return requester;
        }
        for (Person p : model.people()) {
            if (p.function() != null && id.contains(p.function())) {
                List<String> ofFunction = model.people().stream().filter(x -> p.function().equals(x.function()))
                        .map(Person::id).toList();
                return pick(ofFunction);
            }
        }
        return pickOr(teller.people());
    }

    // ---- decisions and comments ---------------------------------------------------------------

    /** Why a request was accepted, naming a {@code colleague} who would do it; sometimes nobody wrote a reason (null). */
    String accepted(String colleague) {
        if (words.nextDouble() < 0.15) {
            return null;
        }
        String pattern = pick(Vocabulary.ACCEPTED);
        if (pattern.contains("{parent}") && parent == null || pattern.contains("{requester}") && requester == null) {
            pattern = Vocabulary.ACCEPTED.get(0);
        }
        return fill(pattern, "colleague", colleague == null ? "The team" : teller.firstName(colleague));
    }

    String declined() {
        String pattern = pick(Vocabulary.DECLINED);
        if (pattern.contains("{recent}") && teller.recentTitle(type, title, words) == null) {
            pattern = Vocabulary.DECLINED.get(0);
        }
        return fill(pattern);
    }

    /** A deferral decided on {@code on}: {until (ISO date or null), reason}. */
    String[] deferred(LocalDate on) {
        List<String> d = pick(Vocabulary.DEFERRED);
        String until = switch (d.get(1)) {
            case "-" -> null;
            case "quarter" -> on.withDayOfMonth(1).withMonth(((on.getMonthValue() - 1) / 3) * 3 + 1).plusMonths(3).toString();
            default -> weekday(on.plusWeeks(Integer.parseInt(d.get(1)))).toString();
        };
        return new String[] {until, fill(d.get(0))};
    }

    String revisited() {
        return fill(pick(Vocabulary.REVISITED));
    }

    String urgent() {
        return fill(pick(Vocabulary.URGENT));
    }

    /** Asking for a review: of {@code approver} (a first name or a team), or of oneself (null). */
    String reviewAsk(String approver) {
        return approver == null ? fill(pick(Vocabulary.SELF_REVIEWS)) : fill(pick(Vocabulary.REVIEW_ASKS), "approver", approver);
    }

    /** An approval's comment; most approvals have none (null). */
    String granted() {
        return words.nextDouble() < 0.7 ? null : fill(pick(Vocabulary.GRANTED));
    }

    String denied() {
        return fill(pick(Vocabulary.DENIED));
    }

    String move(String stage, String next) {
        return fill(pick(Vocabulary.MOVES), "stage", stage, "next", Names.lowerName(next));
    }

    String handover(String receiver) {
        return fill(pick(Vocabulary.HANDOVERS), "receiver", receiver);
    }

    String bounce(String field) {
        return fill(pick(Vocabulary.BOUNCES), "field", Names.lowerName(field));
    }

    String rework(String stage) {
        return fill(pick(Vocabulary.REWORKS), "stage", Names.lowerName(stage));
    }

    String done() {
        return fill(pick(Vocabulary.DONE));
    }

    boolean chance(double p) {
        return words.nextDouble() < p;
    }

    /** Minutes between two moments of the story: from {@code min} to {@code max}. */
    int minutes(int min, int max) {
        return min + words.nextInt(max - min + 1);
    }

    // ---- filling patterns ---------------------------------------------------------------------

    private String fill(String pattern, String... extra) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            int open = pattern.indexOf('{', i);
            int close = open < 0 ? -1 : pattern.indexOf('}', open);
            if (close < 0) {
                out.append(pattern, i, pattern.length());
                break;
            }
            out.append(pattern, i, open);
            String key = pattern.substring(open + 1, close);
            String value = slot(key.toLowerCase(Locale.ROOT), extra);
            out.append(Character.isUpperCase(key.charAt(0)) ? capital(value) : value);
            i = close + 1;
        }
        return out.toString();
    }

    private String slot(String key, String[] extra) {
        for (int k = 0; k + 1 < extra.length; k += 2) {
            if (extra[k].equals(key)) {
                return extra[k + 1] == null ? "" : extra[k + 1];
            }
        }
        return switch (key) {
            case "theme" -> theme.name();
            case "pain" -> theme.pain();
            case "promise" -> theme.promise();
            case "segment" -> segment;
            case "region" -> region;
            case "audience" -> audience.get(0);
            case "audience1" -> audience.get(1);
            case "channel" -> channel;
            case "feature" -> feature;
            case "qualifier" -> qualifier;
            case "customer" -> customer;
            case "partner" -> partner;
            case "city" -> city;
            case "n" -> String.valueOf(n);
            case "pct" -> String.valueOf(35 + 5 * words.nextInt(10));
            case "amount" -> pick(Vocabulary.AMOUNTS);
            case "meetings" -> String.valueOf(10 * (2 + words.nextInt(7)));
            case "quarter" -> "Q" + quarter(day);
            case "next-quarter" -> "Q" + (quarter(day) % 4 + 1);
            case "month" -> month(day);
            case "next-month" -> month(day.plusMonths(1));
            case "person" -> teller.firstNames().isEmpty() ? "the team lead" : pick(teller.firstNames());
            case "requester" -> requester == null ? "sales" : teller.firstName(requester);
            case "metric" -> metric();
            case "parent" -> parent == null ? "the " + theme.name() + " work" : "\u201c" + parent.title + "\u201d";
            case "recent" -> {
                String recent = teller.recentTitle(type, title, words);
                yield recent == null ? "an earlier request" : recent;
            }
            case "type" -> type.name() != null && !type.name().isBlank() ? type.name() : Names.lowerName(type.id());
            default -> "";
        };
    }

    private String metric() {
        List<String> ids = type.success().isEmpty() ? model.metrics().stream().map(Metric::id).toList() : type.success();
        if (ids.isEmpty()) {
            return "pipeline";
        }
        String id = pick(ids);
        return model.metric(id).map(Metric::name).filter(s -> s != null && !s.isBlank())
                .map(s -> s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1)).orElse(id);
    }

    private static int quarter(LocalDate d) {
        return (d.getMonthValue() - 1) / 3 + 1;
    }

    private static String month(LocalDate d) {
        return d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String capital(String text) {
        return text == null || text.isEmpty() ? "" : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    /** A readable, lower-case piece of a link: "Launch: Audit log (tier 1)" → "launch-audit-log-tier-1". */
    static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-[^-]*$", "");
        }
        return slug.isEmpty() ? "item" : slug;
    }

    private <T> T pick(List<T> from) {
        return from.get(words.nextInt(from.size()));
    }

    private <T> T pickOr(List<T> from) {
        return from.isEmpty() ? null : pick(from);
    }

    /** Display names in the middle of a sentence. */
    private static final class Names {
        static String lowerName(String name) {
            if (name == null || name.isEmpty()) {
                return "";
            }
            String words = dev.baton.engine.rights.Names.words(name);
            // Keep acronyms ("FAQ", "UTM plan") and proper names as they are; lower a plain first word.
            if (words.length() > 1 && Character.isUpperCase(words.charAt(1))) {
                return words;
            }
            return words.substring(0, 1).toLowerCase(Locale.ROOT) + words.substring(1);
        }
    }
}
