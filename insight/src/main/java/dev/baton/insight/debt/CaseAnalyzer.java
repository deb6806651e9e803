package dev.baton.insight.debt;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.intake.IntakeEvent;
import dev.baton.insight.log.Dictionary;
import dev.baton.model.OperatingModel;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Folds events into per-case summaries and the summaries into a {@link DebtTally}. Feed it the
 * events of any set of whole cases, in each case's own order (a log file's order will do), then
 * call {@link #finish}; tallies of disjoint sets of cases {@linkplain DebtTally#merge merge}.
 */
public final class CaseAnalyzer {

    private static final long DAY_MILLIS = 86_400_000L;

    private final ModelHistory history;
    /** The lookups of each version, made when an item of it first appears. */
    private final Map<Integer, ModelIndex> indexes = new HashMap<>();
    private final ModelIndex index;
    /** Required and metric fields of any version, dictionary-encoded so a case keeps them as bits. */
    private final Dictionary fields = new Dictionary();
    private final Map<String, java.util.Set<String>> watched = new HashMap<>();
    private final DebtTally tally = new DebtTally();
    private final Map<String, CaseState> cases = new LinkedHashMap<>();
    /** Everyone named as actor or owner, dictionary-encoded. */
    private final Dictionary parties = new Dictionary();
    private final Map<Long, String> weeks = new HashMap<>();
    private final StageTraces traces = new StageTraces();
    /** The last event seen, and of each import batch (its items' "as of"). */
    private final DebtPartial.Horizon seen = new DebtPartial.Horizon();

    public CaseAnalyzer(OperatingModel model) {
        this(ModelHistory.of(model));
    }

    /** Measures each item against its own model version ({@link ModelHistory}). */
    public CaseAnalyzer(ModelHistory history) {
        this.history = history;
        this.index = index(history.currentVersion());
    }

    /** Takes the next event of its case. */
    public void accept(RecordedEvent event) {
        long at = event.at().toEpochMilli();
        tally.event(at);
        seen.see(event);
        String source = Sources.of(event);
        tally.shows(source, Sources.shownBy(event));
        if (event.event() instanceof IntakeEvent) {
            if (event.event() instanceof IntakeEvent.RequestSubmitted) {
                tally.request();
            }
            return;
        }
        int version = history.resolve(event);
        tally.version(version, at);
        CaseState state = cases.get(event.stream());
        if (state == null) {
            state = new CaseState(this, event.stream(), event.workType(), source, asOfKey(event, source), at, version);
            cases.put(event.stream(), state);
        }
        state.accept(event);
    }

    /**
     * Closes every case: what is still open is measured up to {@code logEndMillis} (the last
     * event of the whole log, so that parts of a log analysed apart agree with the whole); an
     * imported item only up to its source's last event (the export's "as of"), and any item only
     * up to {@link CostAssumptions#STALE_AFTER_DAYS} after its own last event.
     */
    public DebtTally finish(long logEndMillis) {
        return finish(logEndMillis, null);
    }

    /** Closes every case, judging flow conformance by the alignments of {@code fitness} where it has them. */
    DebtTally finish(long logEndMillis, TraceFitness fitness) {
        return finish(logEndMillis, seen, fitness);
    }

    /** Closes every case at the end of the whole log, and its imports' ends, given by {@code whole}. */
    DebtTally finish(DebtPartial.Horizon whole, TraceFitness fitness) {
        return finish(whole.lastMillis(), whole, fitness);
    }

    private DebtTally finish(long logEndMillis, DebtPartial.Horizon imports, TraceFitness fitness) {
        for (CaseState state : cases.values()) {
            Long importEnd = state.asOfKey == null ? null : imports.importEnd(state.asOfKey);
            state.finish(importEnd == null ? logEndMillis : Math.min(logEndMillis, importEnd), fitness);
        }
        cases.clear();
        traces.clearLists();
        return tally;
    }

    /** Closes every case at the last event seen. */
    public DebtTally finish() {
        return finish(seen.lastMillis());
    }

    /** What an imported event's "as of" is: its batch's last event, else its source's; null for Baton's own. */
    static String asOfKey(RecordedEvent event, String source) {
        return asOfKey(event.batch(), source);
    }

    static String asOfKey(String batch, String source) {
        if (Sources.BATON.equals(source)) {
            return null;
        }
        return batch != null ? "batch:" + batch : "source:" + source;
    }

    /** The last event seen, epoch milliseconds. */
    long lastMillis() {
        return seen.lastMillis();
    }

    /** The end of the events seen: the last one, and of each import. */
    DebtPartial.Horizon seen() {
        return seen;
    }

    /** The stage sequences of the cases, shared. */
    StageTraces traces() {
        return traces;
    }

    /** The one shared instance of a person's or party's id, so that summaries do not keep copies. */
    String canonicalParty(String id) {
        return id == null ? null : parties.decode(parties.encode(id));
    }

    /** The lookups of the current version: people, intake, what the team is now. */
    ModelIndex index() {
        return index;
    }

    /** The lookups of a version: its flows, stages and the parties owning them. */
    ModelIndex index(int version) {
        ModelIndex known = indexes.get(version);
        if (known == null) {
            known = new ModelIndex(history.model(version));
            indexes.put(version, known);
        }
        return known;
    }

    ModelHistory history() {
        return history;
    }

    /**
     * The code of a field that some version requires or reads as a metric for the work type, or
     * -1: a case keeps these as bits by code, so that they survive a migration to a version that
     * lists the work type's fields differently.
     */
    int watchedField(String workType, String field) {
        java.util.Set<String> fieldsOfType = watched.computeIfAbsent(workType == null ? "" : workType, w -> {
            java.util.Set<String> union = new java.util.HashSet<>();
            for (int v : history.numbers()) {
                ModelIndex.Flow flow = index(v).flow(w);
                if (flow != null) {
                    union.addAll(flow.requiredFields);
                    union.addAll(flow.metricFields);
                }
            }
            return union;
        });
        return fieldsOfType.contains(field) ? fields.encode(field) : -1;
    }

    /** The code of a field already seen, or -1. */
    int fieldCode(String field) {
        return fields.code(field);
    }

    DebtTally tally() {
        return tally;
    }

    /** The person owned an item in progress from {@code from} to {@code to}: one count per weekday touched. */
    void owned(String person, long from, long to) {
        if (to <= from) {
            return;
        }
        for (long day = Math.floorDiv(from, DAY_MILLIS); day <= Math.floorDiv(to - 1, DAY_MILLIS); day++) {
            if (weekday(day)) {
                tally.ownedOn(person, day);
            }
        }
    }

    /** A key for "this person acted on this case that day". */
    long personDayKey(String person, long millis) {
        return ((long) parties.encode(person) << 32) | Math.floorDiv(millis, DAY_MILLIS);
    }

    void touched(long key) {
        long day = key & 0xFFFF_FFFFL;
        if (weekday(day)) {
            tally.touchedOn(parties.decode((int) (key >>> 32)), day);
        }
    }

    /** The ISO week of a moment, {@code 2026-W03}. */
    String week(long millis) {
        return weeks.computeIfAbsent(Math.floorDiv(millis, DAY_MILLIS), CaseAnalyzer::isoWeek);
    }

    static String isoWeek(long epochDay) {
        return Weeks.of(epochDay);
    }

    private static boolean weekday(long epochDay) {
        DayOfWeek d = LocalDate.ofEpochDay(epochDay).getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }
}
