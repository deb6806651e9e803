package dev.baton.engine;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.item.ItemFilter;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemCommand.Approve;
import dev.baton.engine.item.WorkItemCommand.AssignOwner;
import dev.baton.engine.item.WorkItemCommand.Complete;
import dev.baton.engine.item.WorkItemCommand.MoveTo;
import dev.baton.engine.item.WorkItemCommand.Reopen;
import dev.baton.engine.item.WorkItemId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine's index of items by work type and of open items per owner agrees with a full pass
 * over every item after owners change, items complete and reopen, and after a restart that
 * catches up from the store.
 */
class ItemIndexTest {

    private final Northwind n = new Northwind();

    @Test
    void theIndexAgreesWithAPassOverEveryItem() {
        WorkItemId first = n.campaign(Northwind.campaignBrief());
        WorkItemId second = n.campaign(Northwind.campaignBrief());
        WorkItemId launch = n.create("product-launch", Northwind.launchBrief());
        WorkItemId asset = n.create("asset", Map.of("asset-type", "blog-post", "audience-note", "Admins",
                "key-message", "Alerts first", "call-to-action", "Start a trial", "due-date", "2026-04-01",
                "draft-link", "https://nw.example/d", "final-link", "https://nw.example/f"));
        n.ok(first, "nora.haddad", new AssignOwner("jon.ito"));
        n.ok(second, "nora.haddad", new AssignOwner("jon.ito"));
        n.ok(launch, "nora.haddad", new AssignOwner("jon.ito"));
        n.ok(asset, "nora.haddad", new AssignOwner("sam.rivera"));
        assertThat(n.engine.openByOwner()).isEqualTo(Map.of("jon.ito", 3L, "sam.rivera", 1L)).isEqualTo(fullPass(n.engine));

        n.ok(second, "nora.haddad", new AssignOwner("maya.chen"));
        n.ok(asset, "sam.rivera", new MoveTo("brief"));
        n.ok(asset, "sam.rivera", new MoveTo("draft"));
        n.ok(asset, "ines.duarte", new MoveTo("review"));
        n.ok(asset, "sam.rivera", new Approve(null));
        n.ok(asset, "maya.chen", new Approve(null));
        n.ok(asset, "sam.rivera", new MoveTo("publish"));
        n.ok(asset, "ines.duarte", new Complete());
        assertThat(n.engine.openByOwner()).isEqualTo(Map.of("jon.ito", 2L, "maya.chen", 1L)).isEqualTo(fullPass(n.engine));

        n.ok(asset, "ines.duarte", new Reopen(null, "The CTA changed"));
        assertThat(n.engine.openByOwner()).isEqualTo(fullPass(n.engine)).containsEntry("sam.rivera", 1L);

        assertThat(n.engine.matching(new ItemFilter("campaign", null, null, null, null, null)).map(WorkItem::id))
                .containsExactlyInAnyOrder(first, second);
        assertThat(n.engine.items(new ItemFilter("asset", null, null, null, null, null))).extracting(WorkItem::id)
                .containsExactly(asset);
        assertThat(n.engine.matching(new ItemFilter("initiative", null, null, null, null, null))).isEmpty();

        Engine restarted = new Engine(n.engine.store(), n.versions, n.clock);
        assertThat(restarted.openByOwner()).isEqualTo(n.engine.openByOwner());
        assertThat(restarted.matching(new ItemFilter("campaign", null, null, null, null, null)).map(WorkItem::id))
                .containsExactlyInAnyOrder(first, second);
    }

    private static Map<String, Long> fullPass(Engine engine) {
        return engine.matching(ItemFilter.ALL).filter(i -> !i.completed() && i.owner() != null)
                .collect(groupingBy(WorkItem::owner, counting()));
    }
}
