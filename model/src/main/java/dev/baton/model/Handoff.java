package dev.baton.model;

import java.util.List;

/**
 * A declared handoff between functions at a stage change, with its contract: the template
 * fields ({@code requires}) and other artifacts that must be handed over, and the time the
 * receiving function has to accept it ({@code sla}, nullable).
 */
public record Handoff(String workType, String from, String to, StageChange at, List<String> requires,
                      List<String> artifacts, WorkDuration sla) {
}
