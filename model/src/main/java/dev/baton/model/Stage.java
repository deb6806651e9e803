package dev.baton.model;

import java.util.List;

/**
 * One step of a work type's flow. Nullable: {@code owner}, {@code decision}, {@code gate},
 * {@code sla} (not declared). An optional stage may be skipped: the flow gets edges around it.
 */
public record Stage(String id, String name, StageKind kind, String owner, DecisionRights decision,
                    List<String> exit, Gate gate, WorkDuration sla, boolean optional) {
}
