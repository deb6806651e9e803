package dev.baton.app.api;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What is waiting on whom: approvals asked for and not given, handoffs sent and not answered (projections). */
@RestController
class PendingController {

    private final JdbcTemplate jdbc;

    PendingController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/approvals")
    List<Map<String, Object>> approvals(@RequestParam(required = false) String approver) {
        return jdbc.queryForList("select a.item_id as \"itemId\", i.title, i.work_type as \"workType\", a.stage, "
                + "a.approver, to_char(a.requested_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') as \"requestedAt\", "
                + "a.requested_by as \"requestedBy\" from pending_approvals a join items i on i.id = a.item_id "
                + "where (?::text is null or a.approver = ?) order by a.requested_at, a.item_id, a.approver",
                approver, approver);
    }

    @GetMapping("/api/v1/handoffs")
    List<Map<String, Object>> handoffs(@RequestParam(required = false) String to) {
        return jdbc.queryForList("select h.item_id as \"itemId\", i.title, i.work_type as \"workType\", "
                + "h.from_function as \"fromFunction\", h.to_function as \"toFunction\", h.from_stage as \"fromStage\", "
                + "h.to_stage as \"toStage\", to_char(h.sent_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') "
                + "as \"sentAt\", h.sent_by as \"sentBy\" from pending_handoffs h join items i on i.id = h.item_id "
                + "where (?::text is null or h.to_function = ?) order by h.sent_at, h.item_id", to, to);
    }
}
