package dev.baton.measure.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.measure.crm.CrmReader;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.mapping.OutcomeMappingReader;
import dev.baton.measure.outcome.OutcomeData;
import dev.baton.measure.outcome.Touchpoint;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityMatcherTest {

    static final Path EXAMPLES = Path.of("..", "examples", "outcomes");

    static OutcomeData examples() throws Exception {
        return CrmReader.read(CrmReader.sources(List.of(EXAMPLES.resolve("salesforce"), EXAMPLES.resolve("touchpoints.csv"))),
                OutcomeMapping.DEFAULT).data();
    }

    private static Touchpoint touch(String email, String account) {
        return new Touchpoint(Instant.EPOCH, email, account, "email", null, null, null, null, 0);
    }

    @Test
    void peopleMeetTheirAccountByTheBusinessDomainOfTheirEmail() throws Exception {
        Identities ids = IdentityMatcher.match(examples(), OutcomeMapping.IdentityRules.NONE);

        assertThat(ids.accountOfEmail("ana@northwind.example")).isEqualTo("northwind.example");
        assertThat(ids.accountOfEmail("dee.park@gmail.com")).as("a personal address makes no account").isNull();
        assertThat(ids.ofName("Kestrel Labs")).as("the lead's company and email tie the name to the domain")
                .isEqualTo("kestrel.example");
        assertThat(ids.accountOfTouch(touch(null, "KESTREL LABS"))).isEqualTo("kestrel.example");
        assertThat(ids.accountOfTouch(touch(null, "https://www.bluefin.example/"))).isEqualTo("bluefin.example");
        assertThat(ids.accountOfOpportunity("0065g00000XyZa3")).isEqualTo("kestrel.example");
        assertThat(ids.personOfOpportunity("0065g00000XyZa1")).isEqualTo("ana@northwind.example");
        assertThat(ids.accounts()).extracting(a -> a.id().value()).contains("northwind.example", "orbithealth.example");
    }

    @Test
    void unmatchedIdentitiesAreListedWithCountsAndExamples() throws Exception {
        Identities ids = IdentityMatcher.match(examples(), OutcomeMapping.IdentityRules.NONE);

        // Touches are placed (or listed) by the touch index of the journeys, which reads each touch once.
        assertThat(ids.unmatched()).extracting(Unmatched::what, Unmatched::count, Unmatched::examples).containsExactly(
                org.assertj.core.groups.Tuple.tuple("leads with a personal or no email address", 1L,
                        List.of("00Q5g00000AbCd4 (dee.park@gmail.com)")));
    }

    @Test
    void theMappingsOverridesComeFirst() throws Exception {
        var rules = OutcomeMappingReader.read("""
                identity:
                  personal-domains: [kestrel.example]
                  emails: {dee.park@gmail.com: Park Consulting}
                  domains: {northwind.co.uk: northwind.example}
                  accounts: {Orbit Health: orbit.example}
                """).mapping().identity();

        Identities ids = IdentityMatcher.match(examples(), rules);

        assertThat(ids.accountOfEmail("dee.park@gmail.com")).isEqualTo("park consulting");
        assertThat(ids.accountOfEmail("joe@northwind.co.uk")).isEqualTo("northwind.example");
        assertThat(ids.accountOfEmail("ben@kestrel.example")).as("listed as personal").isNull();
        assertThat(ids.ofName("Orbit Health")).isEqualTo("orbit.example");
        assertThat(ids.accountOfOpportunity("0065g00000XyZa2")).isEqualTo("orbit.example");
    }

    @Test
    void anOpportunityWhoseAccountHasNoDomainIsFoundThroughItsPeopleOrListed() {
        var data = new OutcomeData(List.of(), List.of(new dev.baton.measure.outcome.Contact(null, "zoe@zeta.example",
                new dev.baton.measure.outcome.OpportunityId("o1"), "Buyer", true)),
                List.of(opportunity("o1", "Zeta Corp"), opportunity("o2", "Yotta Inc"), opportunity("o3", null)),
                List.of(), List.of(), List.of());

        Identities ids = IdentityMatcher.match(data, OutcomeMapping.IdentityRules.NONE);

        assertThat(ids.accountOfOpportunity("o1")).isEqualTo("zeta.example");
        assertThat(ids.ofName("Zeta Corp")).isEqualTo("zeta.example");
        assertThat(ids.unmatched()).extracting(Unmatched::what, Unmatched::examples).containsExactly(
                org.assertj.core.groups.Tuple.tuple("opportunities whose account has no known domain",
                        List.of("o2 (Yotta Inc)")),
                org.assertj.core.groups.Tuple.tuple("opportunities with no account", List.of("o3")));
    }

    static dev.baton.measure.outcome.Opportunity opportunity(String id, String account) {
        return new dev.baton.measure.outcome.Opportunity(new dev.baton.measure.outcome.OpportunityId(id), id, "Prospecting",
                dev.baton.measure.outcome.StageRef.reached(3, false), 100, Instant.parse("2026-01-01T00:00:00Z"), null,
                null, null, account, null);
    }
}
