package dev.baton.engine.rights;

import dev.baton.model.Field;
import dev.baton.model.OperatingModel;
import dev.baton.model.Party;
import dev.baton.model.Stage;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How rejections name things so that a marketer reads them without the YAML at hand: parties,
 * stages, work types and fields by their declared names, ids turned into words when no name was
 * given ({@code legal-review} becomes "Legal review").
 */
public final class Names {

    /** Marketing's abbreviations, written as people write them: "UTM plan", "FAQ", "CTA copy". */
    private static final Set<String> ACRONYMS = Set.of("utm", "faq", "cta", "seo", "sem", "roi", "icp", "mql", "sql",
            "pmm", "abm", "crm", "kpi", "okr", "url", "api", "gtm", "ux", "ui", "pr", "qa", "cs", "prd", "nps", "arr");

    private Names() {
    }

    public static String party(OperatingModel model, String id) {
        return model.party(id).map(Party::name).filter(n -> !n.equals(id)).orElse(words(id));
    }

    /** A person by name, or the id as given when the model has no such person. */
    public static String person(OperatingModel model, String personId) {
        return model.people().stream().filter(p -> personId.equals(p.id())).map(p -> p.name()).findFirst()
                .orElse(personId);
    }

    public static String stage(WorkType type, String stageId) {
        return type.stage(stageId).map(Stage::name).filter(n -> !Objects.equals(n, stageId))
                .orElse(words(stageId));
    }

    public static String workType(WorkType type) {
        return type.name() != null && !type.name().equals(type.id()) ? type.name() : words(type.id());
    }

    public static String field(Template template, String fieldId) {
        if (template == null) {
            return words(fieldId);
        }
        return template.field(fieldId).map(Field::name).filter(n -> !n.equals(fieldId)).orElse(words(fieldId));
    }

    /** "A", "A and B", "A, B and C". */
    public static String and(List<String> names) {
        return join(names, "and");
    }

    /** "A", "A or B", "A, B or C". */
    public static String or(List<String> names) {
        return join(names, "or");
    }

    /** An id as words: {@code legal-review} → "Legal review", {@code utm-plan} → "UTM plan". */
    public static String words(String id) {
        if (id == null || id.isEmpty()) {
            return "?";
        }
        String[] words = id.replace('_', '-').replace('.', '-').split("-");
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(ACRONYMS.contains(word.toLowerCase(Locale.ROOT)) ? word.toUpperCase(Locale.ROOT) : word);
        }
        String text = out.isEmpty() ? id : out.toString();
        return capital(text);
    }

    /** With its indefinite article: "a campaign", "an asset". */
    public static String a(String phrase) {
        return (!phrase.isEmpty() && "aeiouAEIOU".indexOf(phrase.charAt(0)) >= 0 ? "an " : "a ") + phrase;
    }

    /** The first letter in capitals, for the start of a sentence. */
    public static String capital(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    /** The first letter lower-cased, for a name in the middle of a sentence that is not a proper name. */
    public static String lower(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    private static String join(List<String> names, String last) {
        if (names.isEmpty()) {
            return "nobody";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " " + last + " " + names.get(names.size() - 1);
    }
}
