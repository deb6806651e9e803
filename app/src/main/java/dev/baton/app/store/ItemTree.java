package dev.baton.app.store;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The items under an item in the {@code items} projection, by their parent. */
public final class ItemTree {

    private ItemTree() {
    }

    /** The items under an item, at any depth up to ten (a campaign's assets, an initiative's campaigns and theirs). */
    public static List<String> under(JdbcTemplate jdbc, String item) {
        return jdbc.queryForList("with recursive tree(id, depth) as (select id, 1 from items where parent = ? union all "
                + "select i.id, t.depth + 1 from items i join tree t on i.parent = t.id where t.depth < 10) "
                + "select id from tree order by depth, id", String.class, item);
    }
}
