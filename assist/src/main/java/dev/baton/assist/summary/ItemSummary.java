package dev.baton.assist.summary;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ApprovalDenied;
import dev.baton.engine.item.WorkItemEvent.ApprovalGranted;
import dev.baton.engine.item.WorkItemEvent.ApprovalRequested;
import dev.baton.engine.item.WorkItemEvent.CommentAdded;
import dev.baton.engine.item.WorkItemEvent.HandoffAccepted;
import dev.baton.engine.item.WorkItemEvent.HandoffRejected;
import dev.baton.engine.item.WorkItemEvent.HandoffSent;
import dev.baton.engine.item.WorkItemEvent.ItemBlocked;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.ItemReopened;
import dev.baton.engine.item.WorkItemEvent.ItemUnblocked;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.model.OperatingModel;
import dev.baton.model.Party;
import dev.baton.model.Stage;
import dev.baton.model.WorkType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An item's history in a few sentences for a newcomer or an approver: what it is, where it is,
 * what is waiting on whom, how it got there and the latest comments. Extractive: every sentence
 * is read off the item's events and names them; nothing is paraphrased or guessed.
 */
public record ItemSummary(String item, String title, String workType, List<Fact> facts) {

    public ItemSummary {
        facts = List.copyOf(facts);
    }

    /** How many of the latest comments are quoted. */
    static final int COMMENTS = 3;

    /**
     * @param events the item's events in order (its stream)
     * @param now    the time "waiting since" is measured to: the log's end, or the clock
     */
    public static ItemSummary of(OperatingModel model, String item, List<RecordedEvent> events, Instant now) {
        State s = new State();
        for (RecordedEvent e : events) {
            s.accept(e);
        }
        List<Fact> facts = new ArrayList<>();
        WorkType type = s.workType == null ? null : model.workType(s.workType).orElse(null);
        String typeName = type == null ? (s.workType == null ? "work item" : s.workType) : type.name() == null ? type.id() : type.name();
        if (s.createdRef == null) {
            return new ItemSummary(item, null, s.workType, List.of(new Fact("what", "The log holds no creation of " + item
                    + "; only " + events.size() + " later event(s).", refs(events))));
        }
        facts.add(new Fact("what", String.format(Locale.ROOT, "'%s' is a %s created by %s on %s%s.", s.title,
                typeName.toLowerCase(Locale.ROOT), name(model, s.creator), day(s.created),
                s.fromRequest == null ? "" : " from intake request " + s.fromRequest), List.of(s.createdRef)));
        Stage stage = type == null || s.stage == null ? null : type.stage(s.stage).orElse(null);
        String stageName = stage == null || stage.name() == null ? s.stage : stage.name();
        if (s.completedRef != null) {
            facts.add(new Fact("where", "Completed in " + stageName + " on " + day(s.completedAt) + ".", List.of(s.completedRef)));
        } else {
            String owner = s.owner != null ? name(model, s.owner) : stage != null && stage.owner() != null
                    ? name(model, stage.owner()) + " (the stage's owner)" : "nobody";
            String sla = "";
            if (stage != null && stage.sla() != null && s.stageSince != null) {
                Duration in = Duration.between(s.stageSince, now);
                double over = in.toMinutes() / 60.0 - stage.sla().hours();
                sla = over > 0 ? String.format(Locale.ROOT, "; its SLA of %s is exceeded by %s", stage.sla(), hours(over))
                        : String.format(Locale.ROOT, "; its SLA of %s has %s left", stage.sla(), hours(-over));
            }
            facts.add(new Fact("where", String.format(Locale.ROOT, "In stage %s since %s (%s), owned by %s%s.", stageName,
                    day(s.stageSince), hours(Duration.between(s.stageSince, now).toMinutes() / 60.0), owner, sla),
                    s.stageRef == null ? List.of() : List.of(s.stageRef)));
            waiting(model, s, now, owner, facts);
        }
        if (s.reworks > 0 || s.handoffsRejected > 0 || s.approvalsDenied > 0) {
            facts.add(new Fact("history", String.format(Locale.ROOT, "Sent back %d time(s) for rework, %d handoff(s) rejected, "
                    + "%d approval(s) denied.", s.reworks, s.handoffsRejected, s.approvalsDenied), s.historyRefs));
        }
        for (Comment c : s.comments) {
            facts.add(new Fact("recent", String.format(Locale.ROOT, "%s wrote on %s: \"%s\"", name(model, c.by()), day(c.at()),
                    c.text()), List.of(c.ref())));
        }
        return new ItemSummary(item, s.title, s.workType, facts);
    }

    private static void waiting(OperatingModel model, State s, Instant now, String owner, List<Fact> facts) {
        if (s.blockedRef != null) {
            facts.add(new Fact("waiting", String.format(Locale.ROOT, "Blocked by %s since %s: %s.", name(model, s.blockedBy),
                    day(s.blockedAt), s.blockedReason == null ? "no reason given" : s.blockedReason), List.of(s.blockedRef)));
        }
        if (s.handoffRef != null) {
            facts.add(new Fact("waiting", String.format(Locale.ROOT, "Waiting on %s to accept the handoff from %s, sent %s (%s ago).",
                    name(model, s.handoffTo), name(model, s.handoffFrom), day(s.handoffAt),
                    hours(Duration.between(s.handoffAt, now).toMinutes() / 60.0)), List.of(s.handoffRef)));
        }
        if (s.approvalRef != null && !s.approvers.isEmpty()) {
            facts.add(new Fact("waiting", String.format(Locale.ROOT, "Waiting on approval from %s, asked %s (%s ago).",
                    String.join(", ", s.approvers.stream().map(a -> name(model, a)).toList()), day(s.approvalAt),
                    hours(Duration.between(s.approvalAt, now).toMinutes() / 60.0)), List.of(s.approvalRef)));
        }
        if (s.blockedRef == null && s.handoffRef == null && (s.approvalRef == null || s.approvers.isEmpty())) {
            facts.add(new Fact("waiting", "Nothing is waiting on anyone else: the work is with " + owner + ".",
                    s.stageRef == null ? List.of() : List.of(s.stageRef)));
        }
    }

    private static List<String> refs(List<RecordedEvent> events) {
        return events.stream().map(ItemSummary::ref).toList();
    }

    static String ref(RecordedEvent e) {
        return e.stream() + "#" + e.version();
    }

    private static String name(OperatingModel model, String id) {
        if (id == null) {
            return "someone";
        }
        return model.party(id).map(Party::name).filter(n -> n != null && !n.isBlank()).orElse(id);
    }

    private static String day(Instant at) {
        return at == null ? "an unknown day" : at.toString().substring(0, 10);
    }

    private static String hours(double hours) {
        if (hours < 1) {
            return String.format(Locale.ROOT, "%.0f minutes", Math.max(0, hours * 60));
        }
        return hours >= 48 ? String.format(Locale.ROOT, "%.0f days", hours / 24) : String.format(Locale.ROOT, "%.0f hours", hours);
    }

    private record Comment(String by, Instant at, String text, String ref) {
    }

    /** The item folded to what the summary says. */
    private static final class State {
        String workType;
        String title;
        String creator;
        Instant created;
        String createdRef;
        String fromRequest;
        String stage;
        Instant stageSince;
        String stageRef;
        String owner;
        String completedRef;
        Instant completedAt;
        String blockedRef;
        String blockedBy;
        String blockedReason;
        Instant blockedAt;
        String handoffRef;
        String handoffFrom;
        String handoffTo;
        Instant handoffAt;
        String approvalRef;
        Instant approvalAt;
        Set<String> approvers = new LinkedHashSet<>();
        int reworks;
        int handoffsRejected;
        int approvalsDenied;
        List<String> historyRefs = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();

        void accept(RecordedEvent e) {
            if (e.workType() != null) {
                workType = e.workType();
            }
            String ref = ref(e);
            Object ev = e.event();
            if (ev instanceof ItemCreated c) {
                title = c.title();
                creator = e.actor();
                created = e.at();
                createdRef = ref;
                fromRequest = c.fromRequest();
                enter(c.stage(), e.at(), ref);
            } else if (ev instanceof StageEntered st) {
                enter(st.to(), e.at(), ref);
                if (st.rework()) {
                    reworks++;
                    historyRefs.add(ref);
                }
            } else if (ev instanceof OwnerAssigned o) {
                owner = o.owner() == null || o.owner().isBlank() ? null : o.owner();
            } else if (ev instanceof ApprovalRequested a) {
                approvers = new LinkedHashSet<>(a.approvers() == null ? List.of() : a.approvers());
                approvalRef = ref;
                approvalAt = e.at();
            } else if (ev instanceof ApprovalGranted g) {
                approvers.remove(g.onBehalfOf());
                approvers.remove(e.actor());
            } else if (ev instanceof ApprovalDenied) {
                approvers.clear();
                approvalRef = null;
                approvalsDenied++;
                historyRefs.add(ref);
            } else if (ev instanceof HandoffSent h) {
                handoffRef = ref;
                handoffFrom = h.fromFunction();
                handoffTo = h.toFunction();
                handoffAt = e.at();
            } else if (ev instanceof HandoffAccepted) {
                handoffRef = null;
            } else if (ev instanceof HandoffRejected) {
                handoffRef = null;
                handoffsRejected++;
                historyRefs.add(ref);
            } else if (ev instanceof ItemBlocked b) {
                blockedRef = ref;
                blockedBy = e.actor();
                blockedReason = b.reason();
                blockedAt = e.at();
            } else if (ev instanceof ItemUnblocked) {
                blockedRef = null;
            } else if (ev instanceof CommentAdded c && c.text() != null && !c.text().isBlank()) {
                comments.add(new Comment(e.actor(), e.at(), c.text().strip(), ref));
                if (comments.size() > COMMENTS) {
                    comments.remove(0);
                }
            } else if (ev instanceof ItemCompleted) {
                completedRef = ref;
                completedAt = e.at();
            } else if (ev instanceof ItemReopened r) {
                completedRef = null;
                if (r.stage() != null) {
                    enter(r.stage(), e.at(), ref);
                }
            }
        }

        private void enter(String to, Instant at, String ref) {
            stage = to;
            stageSince = at;
            stageRef = ref;
            approvers.clear();
            approvalRef = null;
            handoffRef = null;
        }
    }
}
