package dev.baton.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an email says (docs/notifications.md, Channels): one notification is its own subject; a
 * digest lists every notification it carries, each once, in the order given, each naming its item
 * and linking it, with the person's own words indented under their line.
 */
class LettersTest {

    static final String BASE = "https://baton.northwind.example";
    static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");

    static Notification approval = new Notification("event:12", "maya.chen", "approval", "campaign-3", "Spring webinars",
            "Nora Haddad asks for your approval at Brief review", null, AT);
    static Notification handoff = new Notification("event:15", "maya.chen", "handoff", "page-7", "Pricing page",
            "Ana Ruiz hands Pricing page to Design", null, AT.plusSeconds(60));
    static Notification mention = new Notification("event:19", "maya.chen", "mention", "campaign-3", "Spring webinars",
            "Nora Haddad mentioned you in a comment", "@maya can you look at the segment?\nThanks", AT.plusSeconds(120));
    static Notification sla = new Notification("sla:page-7:draft", "maya.chen", "sla", "page-7", "Pricing page",
            "The Draft SLA runs out in 4 hours", null, AT.plusSeconds(180));

    @Test
    void oneNotificationIsItsOwnSubject() {
        Letter letter = Letters.of(List.of(approval), BASE);
        assertThat(letter.subject()).isEqualTo("[Baton] Nora Haddad asks for your approval at Brief review: Spring webinars");
        assertThat(letter.text()).isEqualTo("Approval · Spring webinars: Nora Haddad asks for your approval at Brief review "
                + BASE + "/items/campaign-3");
        assertThat(letter.html()).isNull();
    }

    @Test
    void aDigestListsEveryNotificationOnceInOrder() {
        Letter letter = Letters.of(List.of(approval, handoff, mention, sla), BASE);
        assertThat(letter.subject()).isEqualTo("[Baton] 4 things wait for you");
        assertThat(letter.text()).isEqualTo("""
                4 things wait for you in Baton:

                - Approval · Spring webinars: Nora Haddad asks for your approval at Brief review %1$s/items/campaign-3
                - Handoff · Pricing page: Ana Ruiz hands Pricing page to Design %1$s/items/page-7
                - Mention · Spring webinars: Nora Haddad mentioned you in a comment %1$s/items/campaign-3
                  "@maya can you look at the segment?
                  Thanks"
                - SLA · Pricing page: The Draft SLA runs out in 4 hours %1$s/items/page-7
                """.formatted(BASE));
        for (Notification n : List.of(approval, handoff, mention, sla)) {
            assertThat(letter.text()).containsOnlyOnce(Letters.line(n, BASE).lines().findFirst().orElseThrow());
        }
    }

    @Test
    void twoOfTheSameItemAreTwoLines() {
        Letter letter = Letters.of(List.of(approval, mention), BASE);
        assertThat(letter.subject()).isEqualTo("[Baton] 2 things wait for you");
        assertThat(letter.text().lines().filter(l -> l.startsWith("- "))).hasSize(2);
    }
}
