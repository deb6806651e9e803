package dev.baton.measure.crm;

import dev.baton.measure.outcome.CampaignMember;
import dev.baton.measure.outcome.Contact;
import dev.baton.measure.outcome.Lead;
import dev.baton.measure.outcome.Opportunity;
import dev.baton.measure.outcome.OpportunityStageChange;
import dev.baton.measure.outcome.OutcomeData;
import dev.baton.measure.outcome.Touchpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the rows of all files gave (each file's {@link FileLog} replayed in the order the files
 * were given), with the checks that span rows: an id given twice with different values is an
 * error (which one is right would be a guess); given twice the same (the same export read twice,
 * overlapping exports) it is kept once and counted, so reading again doubles nothing.
 */
final class Collected {

    private record Seen(Object value, String where) {
    }

    /** What a note of id-less records given again says after their name. */
    static final String KEPT_ONCE = " given twice, kept once";

    final List<Lead> leads = new ArrayList<>();
    final List<Contact> contacts = new ArrayList<>();
    final List<Opportunity> opportunities = new ArrayList<>();
    final List<OpportunityStageChange> stageChanges = new ArrayList<>();
    final List<CampaignMember> members = new ArrayList<>();
    final List<Touchpoint> touchpoints = new ArrayList<>();
    final List<CrmProblem> problems = new ArrayList<>();
    private final Map<String, Seen> ids = new HashMap<>();
    private Set<Object> rows = new HashSet<>();
    /** Notes in the order they first came: what was skipped or kept once, with counts. */
    final Map<String, Integer> notes = new LinkedHashMap<>();

    /** Keeps a record with an id when the id is new; a repeat is counted, a conflicting one reported. */
    void keyed(FileLog.Keyed k) {
        String key = k.scope() + "\u0000" + k.id();
        Seen seen = ids.get(key);
        if (seen == null) {
            ids.put(key, new Seen(k.value(), k.file() + ":" + k.line()));
            add(k.value(), k.target());
            return;
        }
        if (seen.value().equals(k.value())) {
            note(k.scope() + "s given again with the same values, kept once");
            return;
        }
        problems.add(new CrmProblem(k.file(), k.line(), k.column(), "duplicate " + k.scope() + " '" + k.id()
                + "' (first at " + seen.where() + ") with different values"));
    }

    /** Makes room for {@code more} id-less records at once, rather than growing the set again and again. */
    void expect(int more) {
        if (rows.isEmpty() && more > 1024) {
            rows = new HashSet<>((int) Math.min(Integer.MAX_VALUE, more * 4L / 3 + 1));
        }
    }

    /** Keeps an id-less record (a touchpoint, a stage change) when new; an exact repeat is counted. */
    void row(Object value, FileLog.Target target) {
        if (rows.add(value)) {
            add(value, target);
        } else {
            note(target.what + KEPT_ONCE);
        }
    }

    @SuppressWarnings("unchecked")
    private void add(Object value, FileLog.Target target) {
        List<Object> list = (List<Object>) (List<?>) switch (target) {
            case LEADS -> leads;
            case CONTACTS -> contacts;
            case OPPORTUNITIES -> opportunities;
            case STAGE_CHANGES -> stageChanges;
            case MEMBERS -> members;
            case TOUCHPOINTS -> touchpoints;
        };
        list.add(value);
    }

    void note(String note) {
        notes.merge(note, 1, Integer::sum);
    }

    OutcomeData data() {
        return new OutcomeData(List.copyOf(leads), List.copyOf(contacts), List.copyOf(opportunities),
                List.copyOf(stageChanges), List.copyOf(members), List.copyOf(touchpoints));
    }
}
