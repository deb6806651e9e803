package dev.baton.engine.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which stage of the old model version an item moves to in the new one, as given by a person:
 * {@code old-stage=new-stage} for every work type, or {@code work-type/old-stage=new-stage} for
 * one (which wins). A stage the new version still has keeps its id unless mapped otherwise.
 *
 * @param entries the entries as given, in order, each read into its parts
 */
public record StageMap(List<Entry> entries) {

    /** One {@code [work-type/]from=to} entry; {@code workType} null for every work type; {@code index} from 1. */
    public record Entry(int index, String text, String workType, String from, String to) {

        /** Where the entry is, for a problem: {@code map[2] 'design=build'}. */
        public String where() {
            return "map[" + index + "] '" + text + "'";
        }
    }

    public StageMap {
        entries = List.copyOf(entries);
    }

    public static final StageMap NONE = new StageMap(List.of());

    /**
     * Reads the entries; a malformed one (no {@code =}, an empty side, a work type without a
     * stage) becomes a problem at its place and is left out, so that every mistake is reported at once.
     */
    public static StageMap parse(List<String> texts, List<MigrationProblem> problems) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        int index = 0;
        for (String raw : texts == null ? List.<String>of() : texts) {
            index++;
            String text = raw == null ? "" : raw.strip();
            String where = "map[" + index + "] '" + text + "'";
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1 || text.indexOf('=', eq + 1) >= 0) {
                problems.add(new MigrationProblem(MigrationProblem.Kind.MALFORMED, where, "expected old-stage=new-stage or work-type/old-stage=new-stage"));
                continue;
            }
            String left = text.substring(0, eq).strip();
            String to = text.substring(eq + 1).strip();
            int slash = left.indexOf('/');
            String workType = slash < 0 ? null : left.substring(0, slash).strip();
            String from = slash < 0 ? left : left.substring(slash + 1).strip();
            if (from.isEmpty() || to.isEmpty() || (workType != null && workType.isEmpty()) || to.contains("/")) {
                problems.add(new MigrationProblem(MigrationProblem.Kind.MALFORMED, where, "expected old-stage=new-stage or work-type/old-stage=new-stage"));
                continue;
            }
            String key = (workType == null ? "" : workType + "/") + from;
            Integer earlier = seen.putIfAbsent(key, index);
            if (earlier != null) {
                problems.add(new MigrationProblem(MigrationProblem.Kind.MALFORMED, where, "'" + key + "' is already mapped by map[" + earlier + "]"));
                continue;
            }
            entries.add(new Entry(index, text, workType, from, to));
        }
        return new StageMap(entries);
    }

    /** The entry that maps a stage of a work type, or null: a work type's own entry before a general one. */
    public Entry entry(String workType, String stage) {
        Entry general = null;
        for (Entry e : entries) {
            if (e.from().equals(stage)) {
                if (workType.equals(e.workType())) {
                    return e;
                }
                if (e.workType() == null && general == null) {
                    general = e;
                }
            }
        }
        return general;
    }

    /** The entries as texts, as they were given. */
    public List<String> texts() {
        return entries.stream().map(Entry::text).toList();
    }
}
