package dev.baton.insight.tools;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.FieldsUpdated;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.insight.tools.ToolSwitching.DuplicateTracking;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Duplicated bookkeeping: one piece of work whose stage is recorded in two systems. Two items are
 * one piece of work when they are the same item (a Jira issue Baton also moved) or linked across
 * systems: one is the other's parent, one names the other's id in its title or a field
 * ({@code "UT-12 landing page"}), or both carry the same title (shared by at most
 * {@link #GENERIC_TITLE} items). Their entries into one stage from
 * two systems within the window are a duplicate, one per pair of items and stage.
 */
final class StageEntries implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private record Entry(String stream, String stage, String source, long at, long position) implements java.io.Serializable {
    }

    private record Link(String a, String b, String why) {
    }

    /** A title more items than this share ("Blog post") names a kind of work, not one piece of it. */
    static final int GENERIC_TITLE = 4;

    private final long window;
    private final Map<String, List<Entry>> byStream = new HashMap<>();
    private final Map<String, String> firstSource = new HashMap<>();
    private final Map<String, Set<String>> sourcesOf = new HashMap<>();
    private final Map<String, Set<String>> mentions = new HashMap<>();
    private final Map<String, String> parents = new HashMap<>();
    private final Map<String, List<String>> byTitle = new HashMap<>();

    StageEntries(Duration window) {
        this.window = window.toMillis();
    }

    record Found(List<DuplicateTracking> shown, long total) {
    }

    void accept(RecordedEvent e, String source) {
        String stream = e.stream();
        firstSource.putIfAbsent(stream, source);
        sourcesOf.computeIfAbsent(stream, k -> new LinkedHashSet<>()).add(source);
        Object event = e.event();
        String stage = null;
        if (event instanceof ItemCreated c) {
            stage = c.stage();
            if (c.parent() != null && !c.parent().isBlank()) {
                parents.put(stream, c.parent());
            }
            if (c.title() != null && !c.title().isBlank()) {
                byTitle.computeIfAbsent(PeopleAcrossTools.normal(c.title()), k -> new ArrayList<>(2)).add(stream);
                mention(stream, ToolUse.idLike(c.title()));
            }
        } else if (event instanceof StageEntered s) {
            stage = s.to();
        } else if (event instanceof FieldsUpdated f) {
            mention(stream, ToolUse.idLike(f));
        }
        if (stage != null) {
            byStream.computeIfAbsent(stream, k -> new ArrayList<>(4))
                    .add(new Entry(stream, stage, source, e.at().toEpochMilli(), e.position()));
        }
    }

    private void mention(String stream, List<String> ids) {
        for (String id : ids) {
            if (!id.equals(stream)) {
                mentions.computeIfAbsent(stream, k -> new LinkedHashSet<>()).add(id);
            }
        }
    }

    /** Adds the entries of other items (a log split by case: each item's events in one part). */
    void merge(StageEntries other) {
        other.byStream.forEach((stream, list) -> byStream.computeIfAbsent(stream, k -> new ArrayList<>(list.size())).addAll(list));
        other.firstSource.forEach(firstSource::putIfAbsent);
        other.sourcesOf.forEach((stream, sources) -> sourcesOf.computeIfAbsent(stream, k -> new LinkedHashSet<>()).addAll(sources));
        other.mentions.forEach((stream, ids) -> mentions.computeIfAbsent(stream, k -> new LinkedHashSet<>()).addAll(ids));
        other.parents.forEach(parents::putIfAbsent);
        other.byTitle.forEach((title, streams) -> byTitle.computeIfAbsent(title, k -> new ArrayList<>(2)).addAll(streams));
    }

    Found duplicates(int limit) {
        List<DuplicateTracking> all = new ArrayList<>();
        for (Link link : links()) {
            List<Entry> a = byStream.getOrDefault(link.a(), List.of());
            List<Entry> b = link.a().equals(link.b()) ? a : byStream.getOrDefault(link.b(), List.of());
            Map<String, DuplicateTracking> perStage = new LinkedHashMap<>();
            for (Entry x : a) {
                for (Entry y : b) {
                    if (x.stage().equals(y.stage()) && !x.source().equals(y.source())
                            && Math.abs(x.at() - y.at()) <= window && !perStage.containsKey(x.stage())) {
                        Entry first = x.at() < y.at() || (x.at() == y.at() && x.position() < y.position()) ? x : y;
                        Entry second = first == x ? y : x;
                        perStage.put(x.stage(), new DuplicateTracking(x.stage(), first.stream(), first.source(),
                                Instant.ofEpochMilli(first.at()).toString(), second.stream(), second.source(),
                                Instant.ofEpochMilli(second.at()).toString(), link.why(),
                                List.of(first.position(), second.position())));
                    }
                }
            }
            all.addAll(perStage.values());
        }
        all.sort(Comparator.comparing(DuplicateTracking::firstAt).thenComparing(DuplicateTracking::firstItem)
                .thenComparing(DuplicateTracking::stage).thenComparing(DuplicateTracking::secondItem));
        return new Found(all.stream().limit(limit).toList(), all.size());
    }

    /** Pairs of items that are one piece of work in two systems, each once, with why. */
    private List<Link> links() {
        Map<String, Link> links = new LinkedHashMap<>();
        sourcesOf.forEach((stream, sources) -> {
            if (sources.size() > 1) {
                links.put(stream + "\u0000" + stream, new Link(stream, stream, "the same item"));
            }
        });
        // In the items' order, not the maps': a pair linked twice keeps the same reason however the log was read.
        new java.util.TreeMap<>(parents).forEach((child, parent) -> link(links, child, parent, "parent item"));
        new java.util.TreeMap<>(mentions).forEach((stream, ids) -> ids.forEach(id -> link(links, stream, id, "'" + stream + "' names '" + id + "'")));
        byTitle.forEach((title, streams) -> {
            if (streams.size() > GENERIC_TITLE) {
                return;
            }
            for (int i = 0; i < streams.size(); i++) {
                for (int j = i + 1; j < streams.size(); j++) {
                    link(links, streams.get(i), streams.get(j), "same title");
                }
            }
        });
        return new ArrayList<>(links.values());
    }

    /** A link counts only between items recorded in different systems: within one tool it is no duplicate. */
    private void link(Map<String, Link> links, String a, String b, String why) {
        String sa = firstSource.get(a);
        String sb = firstSource.get(b);
        if (sa == null || sb == null || sa.equals(sb) || a.equals(b)) {
            return;
        }
        String key = a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
        links.putIfAbsent(key, new Link(a.compareTo(b) < 0 ? a : b, a.compareTo(b) < 0 ? b : a, why));
    }
}
