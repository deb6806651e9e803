package dev.baton.app.learning;

import dev.baton.app.json.Json;
import dev.baton.insight.learning.LearningLoop;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * What the learning pages and the API read, from the projections of {@link LearningProjection}: the
 * insight log (searched by words in the title and finding, by component tag and by source), the
 * post-mortems, the proposed model changes, and the trails the learning loop is measured on.
 */
@Component
public class LearningLog {

    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> MEMBERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    LearningLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An insight of the log, with its follow-ups and proposed changes when read one by one. */
    public record InsightRow(String id, String title, String finding, List<String> tags, String source, String sourceRef,
                             String recordedBy, Instant recordedAt, int modelVersion, long version, int followUpCount,
                             int openProposals, List<FollowUpRow> followUps, List<ProposalRow> proposals) {
    }

    /** A follow-up work item of an insight; {@code completedAt} null while it is open. */
    public record FollowUpRow(String item, String insight, String workType, String title, String createdBy,
                              Instant createdAt, Instant completedAt, String stage) {
    }

    /** A proposed model change and the decision on it. */
    public record ProposalRow(String id, String insight, String insightTitle, String kind, Map<String, Object> change,
                              int baseVersion, String summary, String status, String proposedBy, Instant proposedAt,
                              String decidedBy, Instant decidedAt, String reason, Integer acceptedAs, boolean reapplied,
                              long version) {
    }

    /** The post-mortem written of an item. */
    public record PostMortemRow(String item, String workType, String title, String wentWell, String toChange,
                                List<String> facts, String writtenBy, Instant writtenAt, long version) {
    }

    /** A completed item waiting for its post-mortem; {@code finishedAt} is its last event. */
    public record OfferedRow(String item, String workType, String title, Instant finishedAt) {
    }

    /** The insight log's filter: words all found in the title or finding, a component tag, a source (null: any). */
    public record Search(String text, String tag, String source, int limit, int offset) {
    }

    public List<InsightRow> insights(Search search) {
        StringBuilder sql = new StringBuilder("select i.*, (select count(*) from insight_follow_ups f where f.insight_id = i.id)"
                + " as follow_ups, (select count(*) from model_change_proposals p where p.insight_id = i.id and p.status = 'open')"
                + " as open_proposals from insights i where true");
        List<Object> args = new ArrayList<>();
        if (search.text() != null) {
            for (String word : search.text().trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    sql.append(" and (i.title ilike ? escape '\\' or coalesce(i.finding, '') ilike ? escape '\\')");
                    String like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                    args.add(like);
                    args.add(like);
                }
            }
        }
        if (search.tag() != null) {
            sql.append(" and i.tags @> ?::jsonb");
            args.add(Json.write(List.of(search.tag())));
        }
        if (search.source() != null) {
            sql.append(" and i.source = ?");
            args.add(search.source());
        }
        sql.append(" order by i.recorded_at desc, i.id limit ? offset ?");
        args.add(search.limit());
        args.add(search.offset());
        return jdbc.query(sql.toString(), (rs, n) -> insight(rs, List.of(), List.of()), args.toArray());
    }

    public Optional<InsightRow> insight(String id) {
        List<InsightRow> found = jdbc.query("select i.*, (select count(*) from insight_follow_ups f where f.insight_id = i.id)"
                + " as follow_ups, (select count(*) from model_change_proposals p where p.insight_id = i.id and "
                + "p.status = 'open') as open_proposals from insights i where i.id = ?", (rs, n) -> insight(rs,
                followUps(id), proposals(null, id)), id);
        return found.stream().findFirst();
    }

    /** The insights recorded from the post-mortem of an item. */
    public List<InsightRow> fromPostMortem(String item) {
        return jdbc.query("select i.*, 0 as follow_ups, 0 as open_proposals from insights i where i.source = 'post-mortem' "
                + "and i.source_ref = ? order by i.recorded_at", (rs, n) -> insight(rs, List.of(), List.of()), item);
    }

    public List<FollowUpRow> followUps(String insight) {
        return jdbc.query("select f.*, i.stage from insight_follow_ups f left join items i on i.id = f.item_id "
                + "where f.insight_id = ? order by f.created_at", (rs, n) -> new FollowUpRow(rs.getString("item_id"),
                rs.getString("insight_id"), rs.getString("work_type"), rs.getString("title"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "completed_at"), rs.getString("stage")), insight);
    }

    /** Proposed changes, newest first; {@code status} and {@code insight} null match all. */
    public List<ProposalRow> proposals(String status, String insight) {
        StringBuilder sql = new StringBuilder("select p.*, i.title as insight_title from model_change_proposals p "
                + "left join insights i on i.id = p.insight_id where true");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" and p.status = ?");
            args.add(status);
        }
        if (insight != null) {
            sql.append(" and p.insight_id = ?");
            args.add(insight);
        }
        sql.append(" order by p.proposed_at desc, p.id");
        return jdbc.query(sql.toString(), (rs, n) -> proposal(rs), args.toArray());
    }

    public Optional<ProposalRow> proposal(String id) {
        return jdbc.query("select p.*, i.title as insight_title from model_change_proposals p left join insights i "
                + "on i.id = p.insight_id where p.id = ?", (rs, n) -> proposal(rs), id).stream().findFirst();
    }

    public Optional<PostMortemRow> postMortem(String item) {
        return jdbc.query("select * from post_mortems where item_id = ?", (rs, n) -> postMortem(rs), item).stream().findFirst();
    }

    /** Post-mortems written, newest first. */
    public List<PostMortemRow> postMortems(int limit) {
        return jdbc.query("select * from post_mortems order by written_at desc, item_id limit ?", (rs, n) -> postMortem(rs),
                limit);
    }

    /** Completed items of these work types that have no post-mortem yet, most recently finished first. */
    public List<OfferedRow> offered(List<String> workTypes, int limit) {
        if (workTypes.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(workTypes);
        args.add(limit);
        return jdbc.query("select id, work_type, title, updated_at from items i where completed and work_type in ("
                        + String.join(", ", workTypes.stream().map(w -> "?").toList()) + ") and not exists (select 1 from "
                        + "post_mortems p where p.item_id = i.id) order by updated_at desc, id limit ?",
                (rs, n) -> new OfferedRow(rs.getString("id"), rs.getString("work_type"), rs.getString("title"),
                        instant(rs, "updated_at")), args.toArray());
    }

    /** The items under an item, at any depth (a campaign's assets, an initiative's campaigns and theirs). */
    public List<String> under(String item) {
        return dev.baton.app.store.ItemTree.under(jdbc, item);
    }

    /** The loop over every insight and proposed change. */
    public LearningLoop loop() {
        Map<String, Instant> recorded = new LinkedHashMap<>();
        Map<String, List<LearningLoop.FollowUp>> followUps = new LinkedHashMap<>();
        jdbc.query("select i.id, i.recorded_at, f.created_at, f.completed_at from insights i left join insight_follow_ups f "
                + "on f.insight_id = i.id order by i.recorded_at, i.id", rs -> {
            String id = rs.getString("id");
            recorded.put(id, instant(rs, "recorded_at"));
            List<LearningLoop.FollowUp> list = followUps.computeIfAbsent(id, k -> new ArrayList<>());
            Instant created = instant(rs, "created_at");
            if (created != null) {
                list.add(new LearningLoop.FollowUp(created, instant(rs, "completed_at")));
            }
        });
        List<LearningLoop.Trail> trails = recorded.entrySet().stream()
                .map(e -> new LearningLoop.Trail(e.getValue(), followUps.get(e.getKey()))).toList();
        List<LearningLoop.Proposal> proposals = jdbc.query("select proposed_at, decided_at, status from model_change_proposals",
                (rs, n) -> new LearningLoop.Proposal(instant(rs, "proposed_at"), instant(rs, "decided_at"),
                        "accepted".equals(rs.getString("status"))));
        return LearningLoop.measure(trails, proposals);
    }

    private static InsightRow insight(ResultSet rs, List<FollowUpRow> followUps, List<ProposalRow> proposals)
            throws SQLException {
        return new InsightRow(rs.getString("id"), rs.getString("title"), rs.getString("finding"),
                Json.mapper().readValue(rs.getString("tags"), TEXTS), rs.getString("source"), rs.getString("source_ref"),
                rs.getString("recorded_by"), instant(rs, "recorded_at"), rs.getInt("model_version"), rs.getLong("version"),
                rs.getInt("follow_ups"), rs.getInt("open_proposals"), followUps, proposals);
    }

    private static ProposalRow proposal(ResultSet rs) throws SQLException {
        Integer acceptedAs = rs.getObject("accepted_as", Integer.class);
        return new ProposalRow(rs.getString("id"), rs.getString("insight_id"), rs.getString("insight_title"),
                rs.getString("kind"), Json.mapper().readValue(rs.getString("change"), MEMBERS), rs.getInt("base_version"),
                rs.getString("summary"), rs.getString("status").toLowerCase(Locale.ROOT), rs.getString("proposed_by"),
                instant(rs, "proposed_at"), rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("reason"),
                acceptedAs, rs.getBoolean("reapplied"), rs.getLong("version"));
    }

    private static PostMortemRow postMortem(ResultSet rs) throws SQLException {
        return new PostMortemRow(rs.getString("item_id"), rs.getString("work_type"), rs.getString("title"),
                rs.getString("went_well"), rs.getString("to_change"), Json.mapper().readValue(rs.getString("facts"), TEXTS),
                rs.getString("written_by"), instant(rs, "written_at"), rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
