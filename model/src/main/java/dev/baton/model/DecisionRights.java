package dev.baton.model;

import java.util.List;

/** Who drives a stage, who approves (exactly one accountable), who contributes, who is informed. */
public record DecisionRights(String driver, String approver, List<String> contributors, List<String> informed) {
}
