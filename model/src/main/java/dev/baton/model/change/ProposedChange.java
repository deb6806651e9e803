package dev.baton.model.change;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change to the operating model that someone proposes after learning something (a post-mortem
 * finding, an experiment's conclusion): small, named in the model's own terms, and written into
 * the model's YAML by {@link ChangeWriter} only when the model's owner accepts it. Kept as its
 * members rather than as a text patch, so that it can be written again on a newer version of the
 * model than the one it was proposed on.
 */
public sealed interface ProposedChange {

    /** The kinds, as their {@code kind} member names them. */
    List<String> KINDS = List.of(AddSla.KIND, DeclareHandoff.KIND, AddApprover.KIND, AddRequiredField.KIND);

    /** {@code add-sla}, {@code declare-handoff}, {@code add-approver} or {@code add-required-field}. */
    String kind();

    /** The change as plain members (texts and lists of texts), {@code kind} first: what is stored and sent. */
    Map<String, Object> members();

    /** An SLA on a stage: added, or changed when the stage has one. */
    record AddSla(String workType, String stage, String sla) implements ProposedChange {
        public static final String KIND = "add-sla";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Map<String, Object> members() {
            return ProposedChange.with(KIND, "workType", workType, "stage", stage, "sla", sla);
        }
    }

    /**
     * A handoff declared at a stage change of a work type, from one function to another, with the
     * fields to hand over ({@code requires}, may be empty) and the receiver's SLA (null: none).
     */
    record DeclareHandoff(String workType, String from, String to, String at, List<String> requires, String sla)
            implements ProposedChange {
        public static final String KIND = "declare-handoff";

        public DeclareHandoff {
            requires = requires == null ? List.of() : List.copyOf(requires);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Map<String, Object> members() {
            Map<String, Object> members = ProposedChange.with(KIND, "workType", workType, "from", from, "to", to, "at", at);
            if (!requires.isEmpty()) {
                members.put("requires", requires);
            }
            if (sla != null) {
                members.put("sla", sla);
            }
            return members;
        }
    }

    /** One more approver (a person, team or function) on a stage's gate; a gate is added when the stage has none. */
    record AddApprover(String workType, String stage, String approver) implements ProposedChange {
        public static final String KIND = "add-approver";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Map<String, Object> members() {
            return ProposedChange.with(KIND, "workType", workType, "stage", stage, "approver", approver);
        }
    }

    /**
     * A template field made required: added to the template when it has no such field (of
     * {@code type}, text when null, named {@code name} when given), or marked required when it has.
     */
    record AddRequiredField(String template, String field, String type, String name) implements ProposedChange {
        public static final String KIND = "add-required-field";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Map<String, Object> members() {
            Map<String, Object> members = ProposedChange.with(KIND, "template", template, "field", field);
            if (type != null) {
                members.put("type", type);
            }
            if (name != null) {
                members.put("name", name);
            }
            return members;
        }
    }

    /** A mistake in the members of a proposed change: which member and what was expected. */
    record Mistake(String member, String message) {
    }

    /** The change read from members, or every mistake found in them (then {@code change} is null). */
    record Read(ProposedChange change, List<Mistake> mistakes) {
        public boolean ok() {
            return change != null;
        }
    }

    /**
     * Reads a change from its members, as an API body or a form gives them: texts (blank counts as
     * absent), {@code requires} as a list of texts or one text of comma-separated ids. Every mistake
     * is collected, each naming its member.
     */
    static Read read(Map<String, ?> members) {
        ChangeMembers m = new ChangeMembers(members == null ? Map.of() : members);
        String kind = m.text("kind", true);
        if (kind == null) {
            return m.done(null);
        }
        ProposedChange change = switch (kind) {
            case AddSla.KIND -> new AddSla(m.text("workType", true), m.text("stage", true), m.text("sla", true));
            case DeclareHandoff.KIND -> new DeclareHandoff(m.text("workType", true), m.text("from", true),
                    m.text("to", true), m.text("at", true), m.texts("requires"), m.text("sla", false));
            case AddApprover.KIND -> new AddApprover(m.text("workType", true), m.text("stage", true),
                    m.text("approver", true));
            case AddRequiredField.KIND -> new AddRequiredField(m.text("template", true), m.text("field", true),
                    m.text("type", false), m.text("name", false));
            default -> {
                m.mistake("kind", "expected kind to be one of " + String.join(", ", KINDS) + ", found '" + kind + "'");
                yield null;
            }
        };
        return m.done(change);
    }

    private static Map<String, Object> with(String kind, String... pairs) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("kind", kind);
        for (int i = 0; i < pairs.length; i += 2) {
            members.put(pairs[i], pairs[i + 1]);
        }
        return members;
    }
}
