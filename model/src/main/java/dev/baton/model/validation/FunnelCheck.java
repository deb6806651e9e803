package dev.baton.model.validation;

import dev.baton.model.FunnelSettings;
import dev.baton.model.FunnelStage;
import dev.baton.model.OperatingModel;
import dev.baton.model.problem.Problems;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code funnel:} section: at least two stages with distinct ids; the opportunity stage and the
 * handoff's stages among them, the handoff forwards; no CRM value or column claimed twice (a value
 * means one stage, or the funnel could not say where a lead is). Values are compared ignoring case,
 * as the funnel matches them.
 */
final class FunnelCheck implements ModelCheck {

    @Override
    public void check(OperatingModel model, Problems problems) {
        FunnelSettings f = model.funnel();
        if (f == null || !f.declared()) {
            return;
        }
        List<String> ids = f.ids();
        if (ids.size() < 2) {
            problems.error("bad-value", "funnel.stages", "expected at least two funnel stages (one entered, one won), found "
                    + ids.size());
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null) {
                continue;
            }
            if (id.equals("lost") || id.equals("rejected")) {
                problems.error("bad-value", ModelCheck.at("funnel.stages", i) + ".id", "expected a stage id other than '" + id
                        + "': it names an outcome (list its values under funnel." + id + ")");
            }
            Integer first = seen.putIfAbsent(id, i);
            if (first != null) {
                problems.error("duplicate-id", ModelCheck.at("funnel.stages", i) + ".id", "expected each funnel stage id once, found '"
                        + id + "' again (first at funnel.stages[" + first + "])");
            }
        }
        stageOf(f.opportunity(), "opportunity", ids, "funnel.opportunity", "the stage an opportunity enters", problems);
        int from = stageOf(f.handoffFrom(), "mql", ids, "funnel.handoff.from", "the stage marketing hands over", problems);
        int to = stageOf(f.handoffTo(), "sql", ids, "funnel.handoff.to", "the stage that means sales accepted", problems);
        if (from >= 0 && to >= 0 && from >= to) {
            problems.error("bad-value", "funnel.handoff.to", "expected the handoff's 'to' stage after its 'from' stage ("
                    + ids.get(from) + "), found " + ids.get(to));
        }
        Map<String, String> claimed = new HashMap<>();
        for (int i = 0; i < f.stages().size(); i++) {
            FunnelStage s = f.stages().get(i);
            String at = ModelCheck.at("funnel.stages", i);
            claim(s.statuses(), at + ".statuses", "value", claimed, problems);
            claim(s.opportunityStages(), at + ".opportunity-stages", "value", claimed, problems);
            claim(s.dateColumns(), at + ".date-columns", "column", claimed, problems);
        }
        claim(f.lost(), "funnel.lost", "value", claimed, problems);
        claim(f.rejected(), "funnel.rejected", "value", claimed, problems);
    }

    /** The index of the stage named (or of the default when none is named); -1, said, when there is none. */
    private static int stageOf(String named, String fallback, List<String> ids, String path, String what, Problems problems) {
        String id = named != null ? named : fallback;
        int i = ids.indexOf(id);
        if (i < 0) {
            problems.error(named != null ? "unknown-reference" : "missing-key", path, "expected " + what
                    + (named != null ? ", one of the funnel stages (" + String.join(", ", ids) + "), found '" + named + "'"
                    : ": name one of the funnel stages (" + String.join(", ", ids) + "), as there is no '" + fallback + "' stage"));
        }
        return i;
    }

    private static void claim(List<String> values, String path, String kind, Map<String, String> claimed, Problems problems) {
        for (int j = 0; j < values.size(); j++) {
            String v = values.get(j);
            if (v == null) {
                continue;
            }
            String key = kind + ":" + v.toLowerCase(Locale.ROOT);
            String at = path + "[" + j + "]";
            String first = claimed.putIfAbsent(key, at);
            if (first != null) {
                problems.error("duplicate-id", at, "expected each CRM " + kind + " to mean one thing, found '" + v
                        + "' again (first at " + first + ")");
            }
        }
    }
}
