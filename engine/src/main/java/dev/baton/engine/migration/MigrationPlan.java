package dev.baton.engine.migration;

import java.util.List;

/**
 * What a migration would do: the request's problems (then nothing else is looked at) or, per
 * item, where it moves or why it stays. Completed items of the old version are not in flight and
 * stay out of the list; {@code completed} counts them.
 */
public record MigrationPlan(int fromVersion, int toVersion, StageMap map, List<MigrationProblem> problems,
                            List<ItemMigration> items, long completed) {

    public MigrationPlan {
        problems = List.copyOf(problems);
        items = List.copyOf(items);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    public List<ItemMigration> moving() {
        return items.stream().filter(ItemMigration::moves).toList();
    }

    public long count(ItemMigration.Status status) {
        return items.stream().filter(i -> i.status() == status).count();
    }
}
