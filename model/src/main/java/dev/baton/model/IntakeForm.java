package dev.baton.model;

import java.util.List;

/** A request form: the template it asks for, the work type it becomes, and who may submit it. */
public record IntakeForm(String id, String name, String template, String workType, List<String> submitters) {
}
