package dev.baton.assist.gate;

/**
 * One readiness condition as the gate reports it: the debt report's condition (or the intake's),
 * why it passes or fails, and for a failing one what would fix it.
 *
 * @param fix what to change in the model or the way of working; null when the condition passes
 */
public record GateCondition(String id, String title, boolean pass, String reason, String fix) {
}
