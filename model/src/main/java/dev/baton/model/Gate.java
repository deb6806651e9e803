package dev.baton.model;

import java.util.List;

/** Approvals needed to leave a stage. */
public record Gate(List<String> approvers, GateMode mode) {
}
