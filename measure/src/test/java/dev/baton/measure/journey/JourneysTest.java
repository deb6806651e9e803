package dev.baton.measure.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.measure.crm.CrmReader;
import dev.baton.measure.identity.Identities;
import dev.baton.measure.identity.IdentityMatcher;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.outcome.OutcomeData;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The journeys of the example exports (examples/outcomes), cut by hand:
 * Northwind's touches 20 Dec (paid_search), 6 Jan (webinar) lead to its opportunity created 20 Jan
 * (24,000), then 15 Feb (email) to nothing; Kestrel's 7 Jan (webinar) and 10 Feb (display, by account
 * name) to its opportunity of 20 Feb (12,000); Orbit's 25 Jan (email) and 2 Feb (webinar) to 15 Feb
 * (18,000); Bluefin's 1 Feb (paid_search) and Lumen's 27 Feb (paid_search) and 5 Mar (its event
 * response) convert to nothing. Dee's touch is from gmail.com: no account, no journey.
 */
class JourneysTest {

    static final Path EXAMPLES = Path.of("..", "examples", "outcomes");

    static OutcomeData examples() throws Exception {
        return CrmReader.read(CrmReader.sources(List.of(EXAMPLES.resolve("salesforce"), EXAMPLES.resolve("touchpoints.csv"))),
                OutcomeMapping.DEFAULT).data();
    }

    static Journeys.Result journeys(JourneyOptions options) throws Exception {
        OutcomeData data = examples();
        Identities ids = IdentityMatcher.match(data, OutcomeMapping.IdentityRules.NONE);
        return Journeys.build(data, ids, TouchIndex.build(data, ids, OutcomeMapping.DEFAULT, options.by()), options);
    }

    private static String csv(List<PathRow> rows) {
        StringWriter out = new StringWriter();
        PathRows.write(rows, out);
        return out.toString();
    }

    @Test
    void accountJourneysUpToTheOpportunityCreatedWithNullPathsAsPathData() throws Exception {
        Journeys.Result r = journeys(JourneyOptions.DEFAULT);

        assertThat(r.journeys()).hasSize(6);
        assertThat(csv(PathRows.of(r.journeys()))).isEqualTo("""
                "path","total_conversions","total_conversion_value","total_null"
                "email",0,0,1
                "email > webinar",1,18000,0
                "paid_search",0,0,1
                "paid_search > Event",0,0,1
                "paid_search > webinar",1,24000,0
                "webinar > display",1,12000,0
                """);
    }

    @Test
    void wonConversionsEndJourneysAtTheCloseAndTheLookbackCutsOldTouches() throws Exception {
        JourneyOptions won90 = new JourneyOptions(TouchIndex.By.ACCOUNT, JourneyOptions.Conversion.WON, Duration.ofDays(90));
        assertThat(PathRows.of(journeys(won90).journeys())).contains(
                new PathRow("paid_search > webinar > email", 1, 24000, 0),
                new PathRow("webinar > display", 0, 0, 1),
                new PathRow("email > webinar", 0, 0, 1));

        // Won 2 March; 30 days back is 31 January: only the 15 February email is in the window.
        JourneyOptions won30 = new JourneyOptions(TouchIndex.By.ACCOUNT, JourneyOptions.Conversion.WON, Duration.ofDays(30));
        assertThat(PathRows.of(journeys(won30).journeys())).contains(new PathRow("email", 1, 24000, 0));
    }

    @Test
    void aTouchExactlyAtTheStartOfTheWindowCountsAndOneJustBeforeDoesNot() throws Exception {
        // Orbit's opportunity was created 15 Feb; its email touch was 25 Jan 16:00, 20 days and 8 hours before.
        JourneyOptions in = new JourneyOptions(TouchIndex.By.ACCOUNT, JourneyOptions.Conversion.CREATED,
                Duration.ofDays(20).plusHours(8));
        JourneyOptions out = new JourneyOptions(TouchIndex.By.ACCOUNT, JourneyOptions.Conversion.CREATED,
                Duration.ofDays(20).plusHours(7));

        assertThat(PathRows.of(journeys(in).journeys())).contains(new PathRow("email > webinar", 1, 18000, 0));
        // Then Orbit's path is its webinar alone, as Northwind's (its 20 December search is out too).
        assertThat(PathRows.of(journeys(out).journeys())).contains(new PathRow("webinar", 2, 42000, 0))
                .noneMatch(row -> row.path().equals("email > webinar"));
    }

    @Test
    void touchesThatNoAccountCanTakeAreListedNotDropped() throws Exception {
        OutcomeData data = examples();
        Identities ids = IdentityMatcher.match(data, OutcomeMapping.IdentityRules.NONE);

        TouchIndex index = TouchIndex.build(data, ids, OutcomeMapping.DEFAULT, TouchIndex.By.ACCOUNT);

        assertThat(index.unmatched()).singleElement().satisfies(u -> {
            assertThat(u.what()).isEqualTo("touchpoints from personal email addresses with no account");
            assertThat(u.count()).isEqualTo(1);
            assertThat(u.examples()).containsExactly("dee.park@gmail.com");
        });
        assertThat(index.of("northwind.example").size()).isEqualTo(3);
    }

    @Test
    void personJourneysFollowThePersonOfEachOpportunity() throws Exception {
        JourneyOptions byPerson = new JourneyOptions(TouchIndex.By.PERSON, JourneyOptions.Conversion.CREATED,
                Duration.ofDays(90));

        Journeys.Result r = journeys(byPerson);

        // Kestrel's display touch named the account, not a person: Ben's journey is the webinar alone.
        assertThat(PathRows.of(r.journeys())).contains(new PathRow("webinar", 1, 12000, 0),
                new PathRow("paid_social", 0, 0, 1));
        assertThat(r.untouched()).isZero();
    }
}
