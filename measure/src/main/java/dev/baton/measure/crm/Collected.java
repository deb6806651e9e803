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
 * What the rows of all files gave, with the checks that span rows: an id given twice with
 * different values is an error (which one is right would be a guess); given twice the same (the
 * same export read twice, overlapping exports) it is kept once and counted, so reading again
 * doubles nothing.
 */
final class Collected {

    private record Seen(Object value, String where) {
    }

    final List<Lead> leads = new ArrayList<>();
    final List<Contact> contacts = new ArrayList<>();
    final List<Opportunity> opportunities = new ArrayList<>();
    final List<OpportunityStageChange> stageChanges = new ArrayList<>();
    final List<CampaignMember> members = new ArrayList<>();
    final List<Touchpoint> touchpoints = new ArrayList<>();
    private final Map<String, Seen> ids = new HashMap<>();
    private final Set<Object> rows = new HashSet<>();
    /** Notes in the order they first came: what was skipped or kept once, with counts. */
    final Map<String, Integer> notes = new LinkedHashMap<>();

    /**
     * Whether the record with this id is new; a repeat is counted, a conflicting one reported.
     *
     * @param scope what the id identifies ("Lead ID", "Opportunity ID")
     */
    boolean fresh(Rows rows, String field, String scope, String id, Object value) {
        String key = scope + "\u0000" + id;
        Seen seen = ids.get(key);
        if (seen == null) {
            ids.put(key, new Seen(value, rows.where()));
            return true;
        }
        if (seen.value().equals(value)) {
            note(scope + "s given again with the same values, kept once");
            return false;
        }
        rows.rowProblem(field, "duplicate " + scope + " '" + id + "' (first at " + seen.where()
                + ") with different values");
        return false;
    }

    /** Whether an id-less row (a touchpoint, a stage change) is new; an exact repeat is counted. */
    boolean freshRow(Object value, String what) {
        if (rows.add(value)) {
            return true;
        }
        note(what + " given twice, kept once");
        return false;
    }

    void note(String note) {
        notes.merge(note, 1, Integer::sum);
    }

    OutcomeData data() {
        return new OutcomeData(List.copyOf(leads), List.copyOf(contacts), List.copyOf(opportunities),
                List.copyOf(stageChanges), List.copyOf(members), List.copyOf(touchpoints));
    }
}
