package dev.baton.engine.item;

/** Which items to list; a null criterion matches every item. */
public record ItemFilter(String workType, String stage, String owner, Boolean blocked, Boolean urgent,
                         Boolean completed) {

    public static final ItemFilter ALL = new ItemFilter(null, null, null, null, null, null);

    public boolean matches(WorkItem item) {
        return (workType == null || workType.equals(item.workType()))
                && (stage == null || stage.equals(item.stage()))
                && (owner == null || owner.equals(item.owner()))
                && (blocked == null || blocked == item.blocked())
                && (urgent == null || urgent == item.urgent())
                && (completed == null || completed == item.completed());
    }

    public ItemFilter withWorkType(String value) {
        return new ItemFilter(value, stage, owner, blocked, urgent, completed);
    }

    public ItemFilter withStage(String value) {
        return new ItemFilter(workType, value, owner, blocked, urgent, completed);
    }

    public ItemFilter withOwner(String value) {
        return new ItemFilter(workType, stage, value, blocked, urgent, completed);
    }

    public ItemFilter withBlocked(Boolean value) {
        return new ItemFilter(workType, stage, owner, value, urgent, completed);
    }

    public ItemFilter withUrgent(Boolean value) {
        return new ItemFilter(workType, stage, owner, blocked, value, completed);
    }

    public ItemFilter withCompleted(Boolean value) {
        return new ItemFilter(workType, stage, owner, blocked, urgent, value);
    }
}
