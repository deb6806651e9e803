package dev.baton.app.learning;

import dev.baton.app.json.ProblemJson;
import dev.baton.app.learning.LearningLog.FollowUpRow;
import dev.baton.app.learning.LearningLog.InsightRow;
import dev.baton.app.learning.LearningLog.OfferedRow;
import dev.baton.app.learning.LearningLog.PostMortemRow;
import dev.baton.app.learning.LearningLog.ProposalRow;
import dev.baton.insight.learning.CampaignOutcome;
import dev.baton.insight.learning.LearningLoop;
import dev.baton.insight.learning.PostMortemFacts;
import dev.baton.insight.learning.PostMortemFacts.Fact;
import dev.baton.model.compare.ModelChange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Post-mortems, insights, proposed model changes and the learning loop as the API shows them (docs/learning-loops.md). */
final class LearningJson {

    private LearningJson() {
    }

    static Map<String, Object> offered(OfferedRow o) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("item", o.item());
        json.put("workType", o.workType());
        json.put("title", o.title());
        json.put("status", "offered");
        json.put("finishedAt", time(o.finishedAt()));
        json.put("writtenBy", null);
        json.put("writtenAt", null);
        return json;
    }

    static Map<String, Object> listed(PostMortemRow p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("item", p.item());
        json.put("workType", p.workType());
        json.put("title", p.title());
        json.put("status", "written");
        json.put("finishedAt", null);
        json.put("writtenBy", p.writtenBy());
        json.put("writtenAt", time(p.writtenAt()));
        return json;
    }

    static Map<String, Object> postMortem(PostMortemFacts facts, boolean completed, boolean offered, PostMortemRow written,
                                          List<InsightRow> insights) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("item", facts.item());
        json.put("title", facts.title());
        json.put("workType", facts.workType());
        json.put("completed", completed);
        json.put("offered", offered);
        json.put("facts", facts(facts));
        json.put("written", written == null ? null : written(written));
        json.put("insights", insights.stream().map(LearningJson::insight).toList());
        return json;
    }

    static Map<String, Object> facts(PostMortemFacts f) {
        Map<String, Object> json = new LinkedHashMap<>();
        PostMortemFacts.Dates d = f.dates();
        Map<String, Object> dates = new LinkedHashMap<>();
        dates.put("startField", d.startField());
        dates.put("plannedStart", d.plannedStart() == null ? null : d.plannedStart().toString());
        dates.put("dueField", d.dueField());
        dates.put("due", d.due() == null ? null : d.due().toString());
        dates.put("created", time(d.created()));
        dates.put("completed", time(d.completed()));
        dates.put("daysLate", d.daysLate());
        dates.put("sentence", d.sentence());
        json.put("dates", dates);
        json.put("slaOverruns", f.slaOverruns().stream().map(LearningJson::fact).toList());
        json.put("rework", f.rework().stream().map(LearningJson::fact).toList());
        json.put("approvalWaits", f.approvalWaits().stream().map(LearningJson::fact).toList());
        json.put("rejectedHandoffs", f.rejectedHandoffs().stream().map(LearningJson::fact).toList());
        json.put("outcomes", f.outcomes().stream().map(o -> {
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("metric", o.metric());
            outcome.put("name", o.name());
            outcome.put("target", o.target());
            outcome.put("unit", o.unit());
            outcome.put("result", o.result());
            outcome.put("sentence", o.sentence());
            return outcome;
        }).toList());
        json.put("linkedCampaigns", f.linked().stream().map(l -> {
            Map<String, Object> linked = new LinkedHashMap<>();
            linked.put("item", l.link().item());
            linked.put("link", l.link().value());
            linked.put("via", l.link().via());
            CampaignOutcome c = l.figures();
            linked.put("campaign", c == null ? null : c.campaign());
            linked.put("opportunitiesSourced", c == null ? null : c.opportunitiesSourced());
            linked.put("pipelineSourced", c == null ? null : c.pipelineSourced());
            linked.put("wonSourced", c == null ? null : c.wonSourced());
            linked.put("revenueSourced", c == null ? null : c.revenueSourced());
            linked.put("opportunitiesInfluenced", c == null ? null : c.opportunitiesInfluenced());
            linked.put("pipelineInfluenced", c == null ? null : c.pipelineInfluenced());
            linked.put("wonInfluenced", c == null ? null : c.wonInfluenced());
            linked.put("revenueInfluenced", c == null ? null : c.revenueInfluenced());
            linked.put("sentence", l.sentence());
            return linked;
        }).toList());
        json.put("items", f.items());
        json.put("sentences", f.sentences());
        return json;
    }

    private static Map<String, Object> fact(Fact f) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("item", f.item());
        json.put("itemTitle", f.itemTitle());
        json.put("stage", f.stage());
        json.put("at", time(f.at()));
        json.put("hours", Math.round(f.millis() / 36_000.0) / 100.0);
        json.put("sentence", f.sentence());
        json.put("detail", f.detail());
        return json;
    }

    private static Map<String, Object> written(PostMortemRow p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("wentWell", p.wentWell());
        json.put("toChange", p.toChange());
        json.put("facts", p.facts());
        json.put("writtenBy", p.writtenBy());
        json.put("writtenAt", time(p.writtenAt()));
        json.put("version", p.version());
        return json;
    }

    static Map<String, Object> insight(InsightRow i) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", i.id());
        json.put("title", i.title());
        json.put("finding", i.finding());
        json.put("tags", i.tags());
        json.put("source", i.source());
        json.put("sourceRef", i.sourceRef());
        json.put("recordedBy", i.recordedBy());
        json.put("recordedAt", time(i.recordedAt()));
        json.put("modelVersion", i.modelVersion());
        json.put("version", i.version());
        json.put("followUpCount", i.followUpCount());
        json.put("openProposals", i.openProposals());
        return json;
    }

    static Map<String, Object> insightWithTrail(InsightRow i) {
        Map<String, Object> json = insight(i);
        json.put("followUps", i.followUps().stream().map(LearningJson::followUp).toList());
        json.put("proposals", i.proposals().stream().map(LearningJson::proposal).toList());
        return json;
    }

    private static Map<String, Object> followUp(FollowUpRow f) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("item", f.item());
        json.put("workType", f.workType());
        json.put("title", f.title());
        json.put("createdBy", f.createdBy());
        json.put("createdAt", time(f.createdAt()));
        json.put("completedAt", time(f.completedAt()));
        json.put("stage", f.stage());
        return json;
    }

    static Map<String, Object> proposal(ProposalRow p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", p.id());
        json.put("insight", p.insight());
        json.put("insightTitle", p.insightTitle());
        json.put("kind", p.kind());
        json.put("change", p.change());
        json.put("summary", p.summary());
        json.put("baseVersion", p.baseVersion());
        json.put("status", p.status());
        json.put("proposedBy", p.proposedBy());
        json.put("proposedAt", time(p.proposedAt()));
        json.put("decidedBy", p.decidedBy());
        json.put("decidedAt", time(p.decidedAt()));
        json.put("reason", p.reason());
        json.put("acceptedAs", p.acceptedAs());
        json.put("reapplied", p.reapplied());
        json.put("version", p.version());
        return json;
    }

    /** A proposal with what accepting it now would do to the current version. */
    static Map<String, Object> proposal(ProposalRow p, ProposalPreview preview) {
        Map<String, Object> json = proposal(p);
        json.put("preview", preview == null ? null : preview(preview));
        return json;
    }

    static Map<String, Object> preview(ProposalPreview v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("currentVersion", v.currentVersion());
        json.put("reapplied", v.reapplied());
        json.put("applies", v.applies());
        json.put("refused", v.refused());
        json.put("valid", v.valid());
        json.put("summary", v.written() == null ? null : v.written().summary());
        json.put("changes", v.changes().stream().map(ModelChange::sentence).toList());
        json.put("diff", v.unified());
        json.put("errors", v.written() == null ? List.of() : ProblemJson.problems(v.written().report().errors()));
        json.put("warnings", v.written() == null ? List.of() : ProblemJson.problems(v.written().report().warnings()));
        return json;
    }

    static Map<String, Object> loop(LearningLoop l) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("insights", l.insights());
        json.put("withAction", l.withAction());
        json.put("withResult", l.withResult());
        json.put("medianDaysToAction", l.medianDaysToAction());
        json.put("medianDaysToResult", l.medianDaysToResult());
        json.put("medianDaysActionToResult", l.medianDaysActionToResult());
        json.put("proposals", l.proposals());
        json.put("accepted", l.accepted());
        json.put("declined", l.declined());
        json.put("open", l.open());
        json.put("medianDaysToDecision", l.medianDaysToDecision());
        json.put("sentence", l.sentence());
        return json;
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }
}
