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
}
