package dev.baton.insight.simulation;

import dev.baton.model.Field;
import dev.baton.model.FieldType;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes what a simulated team's work is about: for each item or request a {@link Story} (its
 * theme, audience, title and brief) that reads like a B2B SaaS marketing team's work, drawn from
 * {@link Vocabulary} and the model. What a work type is (a program, a campaign, a launch, an
 * event, an asset) is read from its id and name, and from its template (an enum of asset formats,
 * a feature field); a child item takes its parent's theme. A title already used among the last
 * {@value #RECENT} is drawn again (up to {@value #ATTEMPTS} times), so titles rarely repeat.
 *
 * <p>Nothing here draws from the random numbers that decide the debt: each story has its own.
 */
final class Storyteller {

    /** What a work type is, as far as its words go. */
    enum Kind { PROGRAM, CAMPAIGN, LAUNCH, EVENT, ASSET, OTHER }

    static final int RECENT = 4096;
    static final int ATTEMPTS = 12;

    private final OperatingModel model;
    private final Map<String, Kind> kinds = new HashMap<>();
    private final Map<String, Story> latest = new HashMap<>();
    private final Map<String, Deque<String>> recentByType = new HashMap<>();
    private final Set<String> recentTitles = new HashSet<>();
    private final Deque<String> recentOrder = new ArrayDeque<>();
    private final List<String> people;
    private final List<String> firstNames;

    Storyteller(OperatingModel model) {
        this.model = model;
        this.people = model.people().stream().map(Person::id).filter(id -> id != null).toList();
        this.firstNames = model.people().stream().filter(p -> p.id() != null)
                .map(p -> p.name() == null || p.name().isBlank() ? p.id() : p.name().strip().split("\\s+")[0]).toList();
        for (WorkType w : model.workTypes()) {
            if (w.id() != null) {
                kinds.put(w.id(), kind(w));
            }
        }
    }

    /**
     * The story of a new item or request of {@code type} that arrives on {@code day}, serving
     * {@code parent} (null: none), asked for by {@code requester} (null: nobody asked). Its brief
     * holds a value for every field of the work type's template; {@link Story#value} adds others
     * (a form's template) on demand.
     */
    Story tell(WorkType type, Story parent, LocalDate day, String requester, SplittableRandom words) {
        Story story = new Story(this, type, parent, day, words);
        story.requester(requester);
        String title = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            title = story.draw();
            if (!recentTitles.contains(title)) {
                break;
            }
        }
        story.title(title);
        remember(type, title);
        Template template = template(type);
        if (template != null) {
            for (Field f : template.fields()) {
                if (f.id() != null && f.type() != null) {
                    story.value(f);
                }
            }
        }
        return story;
    }

    /** The story of the item of this type that arrived last: children serve it. */
    Story latest(String workType) {
        return workType == null ? null : latest.get(workType);
    }

    void becameItem(WorkType type, Story story) {
        latest.put(type.id(), story);
    }

    private void remember(WorkType type, String title) {
        if (recentTitles.add(title)) {
            recentOrder.addLast(title);
            if (recentOrder.size() > RECENT) {
                recentTitles.remove(recentOrder.removeFirst());
            }
        }
        Deque<String> ofType = recentByType.computeIfAbsent(type.id(), t -> new ArrayDeque<>());
        ofType.addLast(title);
        if (ofType.size() > 8) {
            ofType.removeFirst();
        }
    }

    /** A title of the same work type seen lately, other than {@code not}; null when there is none. */
    String recentTitle(WorkType type, String not, SplittableRandom words) {
        List<String> titles = new ArrayList<>(recentByType.getOrDefault(type.id(), new ArrayDeque<>()));
        titles.remove(not);
        return titles.isEmpty() ? null : titles.get(words.nextInt(titles.size()));
    }

    OperatingModel model() {
        return model;
    }

    Kind kind(String workType) {
        return kinds.getOrDefault(workType, Kind.OTHER);
    }

    Template template(WorkType type) {
        return type.template() == null ? null : model.template(type.template()).orElse(null);
    }

    List<String> people() {
        return people;
    }

    List<String> firstNames() {
        return firstNames;
    }

    /** The first name of a person id, or the id. */
    String firstName(String personId) {
        int i = people.indexOf(personId);
        return i < 0 ? personId : firstNames.get(i);
    }

    private Kind kind(WorkType w) {
        String words = (w.id() + " " + (w.name() == null ? "" : w.name())).toLowerCase(Locale.ROOT);
        if (words.matches(".*\\b(launch|release)\\b.*")) {
            return Kind.LAUNCH;
        }
        if (words.matches(".*\\b(webinar|event|conference|meetup)s?\\b.*")) {
            return Kind.EVENT;
        }
        if (words.contains("campaign")) {
            return Kind.CAMPAIGN;
        }
        if (words.matches(".*\\b(initiative|program|programme|okr|objective|epic|theme|bet)s?\\b.*")) {
            return Kind.PROGRAM;
        }
        if (words.matches(".*\\b(asset|content|post|blog|article|ebook|video|email|page|piece|social)s?\\b.*")
                || Story.inferredFormat(w) != null) {
            return Kind.ASSET;
        }
        Template template = template(w);
        if (template != null && template.fields().stream().anyMatch(f -> f.id() != null && f.id().contains("feature"))) {
            return Kind.LAUNCH;
        }
        if (template != null && template.fields().stream().anyMatch(f -> f.type() == FieldType.ENUM
                && f.values() != null && f.values().stream().anyMatch(Vocabulary.ASSET_TITLES::containsKey))) {
            return Kind.ASSET;
        }
        boolean hasChildren = model.workTypes().stream().anyMatch(c -> w.id().equals(c.parent()));
        return hasChildren ? Kind.PROGRAM : Kind.OTHER;
    }
}
