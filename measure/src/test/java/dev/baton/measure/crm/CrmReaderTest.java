package dev.baton.measure.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.mapping.OutcomeMappingReader;
import dev.baton.measure.outcome.ExportKind;
import dev.baton.measure.outcome.Lead;
import dev.baton.measure.outcome.Opportunity;
import dev.baton.measure.outcome.OutcomeData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrmReaderTest {

    static final Path EXAMPLES = Path.of("..", "examples", "outcomes");

    @TempDir
    Path tmp;

    static CrmReader.Result read(OutcomeMapping mapping, Path... paths) throws Exception {
        return CrmReader.read(CrmReader.sources(List.of(paths)), mapping);
    }

    private Path file(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsEverySalesforceReportOfADirectoryByItsHeader() throws Exception {
        CrmReader.Result r = read(OutcomeMapping.DEFAULT, EXAMPLES.resolve("salesforce"), EXAMPLES.resolve("touchpoints.csv"));

        assertThat(r.problems()).isEmpty();
        assertThat(r.files()).extracting(CrmReader.FileRead::kind).containsExactly(
                ExportKind.SALESFORCE_CAMPAIGN_MEMBERS, ExportKind.SALESFORCE_CONTACT_ROLES, ExportKind.SALESFORCE_LEADS,
                ExportKind.SALESFORCE_OPPORTUNITIES, ExportKind.SALESFORCE_OPPORTUNITY_HISTORY, ExportKind.TOUCHPOINTS);
        OutcomeData d = r.data();
        assertThat(d.leads()).hasSize(6);
        assertThat(d.opportunities()).hasSize(3);
        assertThat(d.contacts()).hasSize(2);
        assertThat(d.stageChanges()).hasSize(5);
        assertThat(d.campaignMembers()).hasSize(2);
        assertThat(d.touchpoints()).hasSize(10);
        Lead ana = d.leads().get(0);
        assertThat(ana.email()).isEqualTo("ana@northwind.example");
        assertThat(ana.reached()).containsEntry("mql", Instant.parse("2026-01-10T00:00:00Z"))
                .containsEntry("opportunity", Instant.parse("2026-01-20T00:00:00Z"));
        Opportunity won = d.opportunities().get(0);
        assertThat(won.amount()).isEqualTo(24_000.0);
        assertThat(won.won()).isTrue();
        assertThat(won.closed()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(d.opportunities().get(1).closed()).as("an open opportunity's close date is a forecast").isNull();
        assertThat(r.notes()).contains("1 campaign members who never responded (not touches)");
    }

    @Test
    void readsHubSpotContactsWithTheirLifecycleDatesAndDeals() throws Exception {
        CrmReader.Result r = read(OutcomeMapping.DEFAULT, EXAMPLES.resolve("hubspot"));

        assertThat(r.problems()).isEmpty();
        Lead gus = r.data().leads().get(0);
        assertThat(gus.reached()).containsEntry("mql", Instant.parse("2026-01-09T14:00:00Z"))
                .containsEntry("won", Instant.parse("2026-02-20T16:45:00Z"));
        Lead ivo = r.data().leads().get(2);
        assertThat(ivo.statusStage().rejected()).as("lead status Unqualified: sales sent it back").isTrue();
        assertThat(r.data().opportunities()).extracting(Opportunity::won).containsExactly(true, false);
    }

    @Test
    void aBadDateIsReportedWithItsLineAndColumnAndNothingIsKept() throws Exception {
        Path opps = file("opps.csv", """
                Opportunity ID,Opportunity Name,Stage,Amount,Created Date,Close Date
                0061,Acme,Prospecting,100,3/1/2026,3/31/2026
                0062,Bolt,Closed Won,200,3/2/2026,31/31/2026
                """);

        CrmReader.Result r = read(OutcomeMapping.DEFAULT, opps);

        assertThat(r.ok()).isFalse();
        assertThat(r.data()).isNull();
        assertThat(r.problems()).extracting(CrmProblem::format).containsExactly(
                opps + ":3:6: column 'Close Date': expected a date like 2026-03-31, found '31/31/2026'");
    }

    @Test
    void aDayFirstDateGetsAHintWhenTheMappingSaysMonthFirst() throws Exception {
        Path leads = file("leads.csv", """
                Lead ID,Email,Company,Lead Status,Created Date
                00Q1,a@x.example,X,Open - Not Contacted,25/03/2026
                """);

        CrmReader.Result r = read(OutcomeMapping.DEFAULT, leads);
        assertThat(r.problems().get(0).message()).contains("found '25/03/2026' (it reads day first: set 'dates: day-first'");

        OutcomeMapping dayFirst = OutcomeMappingReader.read("dates: day-first").mapping();
        assertThat(read(dayFirst, leads).data().leads().get(0).created()).isEqualTo(Instant.parse("2026-03-25T00:00:00Z"));
    }

    @Test
    void missingColumnsAreNamedWithTheHeaderLine() throws Exception {
        Path opps = file("opps.csv", """
                Opportunity ID,Opportunity Name,Stage,Close Date
                0061,Acme,Prospecting,3/31/2026
                """);

        CrmReader.Result r = read(OutcomeMapping.DEFAULT, opps);

        assertThat(r.problems()).extracting(CrmProblem::format).containsExactly(opps + ":1:1: a Salesforce opportunities "
                + "report needs the columns 'Amount' (or 'Amount (converted)'), 'Created Date' (or 'Create Date'); "
                + "the header is: Opportunity ID, Opportunity Name, Stage, Close Date");
    }

    @Test
    void anUnknownStageAndADuplicateIdAreBothReportedInOneRun() throws Exception {
        Path opps = file("opps.csv", """
                Opportunity ID,Stage,Amount,Created Date,Close Date
                0061,Prospecting,100,3/1/2026,3/31/2026
                0062,Discovery Call,100,3/1/2026,3/31/2026
                0061,Closed Won,900,3/1/2026,3/31/2026
                """);

        CrmReader.Result r = read(OutcomeMapping.DEFAULT, opps);

        assertThat(r.problems()).extracting(CrmProblem::format).containsExactly(
                opps + ":3:2: column 'Stage': unknown stage 'Discovery Call': expected a funnel stage (lead, mql, sql, "
                        + "opportunity, won), a Salesforce or HubSpot default, or a value the mapping's 'stages' names "
                        + "(add a line such as 'Discovery Call: opportunity')",
                opps + ":4:1: duplicate Opportunity ID '0061' (first at " + opps + ":2) with different values");

        OutcomeMapping mapped = OutcomeMappingReader.read("stages: {Discovery Call: opportunity}").mapping();
        Path fixed = file("fixed.csv", Files.readString(opps).replace("0061,Closed Won", "0063,Closed Won"));
        assertThat(read(mapped, fixed).data().opportunities()).hasSize(3);
    }

    @Test
    void theSameExportReadTwiceDoublesNothing() throws Exception {
        CrmReader.Result r = read(OutcomeMapping.DEFAULT, EXAMPLES.resolve("touchpoints.csv"),
                EXAMPLES.resolve("salesforce/opportunities.csv"), EXAMPLES.resolve("salesforce/opportunities.csv"),
                EXAMPLES.resolve("touchpoints.csv"));

        assertThat(r.problems()).isEmpty();
        assertThat(r.data().opportunities()).hasSize(3);
        assertThat(r.data().touchpoints()).hasSize(10);
        assertThat(r.notes()).contains("3 Opportunity IDs given again with the same values, kept once",
                "10 touchpoints given twice, kept once");
    }

    @Test
    void aTouchpointFileNeedsAPersonOrAnAccountAndAChannel() throws Exception {
        Path t = file("touches.csv", """
                email,time,channel,cost
                a@x.example,2026-03-01 10:00,,5
                ,2026-03-01 10:00,email,five
                """);

        CrmReader.Result r = read(OutcomeMapping.DEFAULT, t);

        assertThat(r.problems()).extracting(CrmProblem::format).containsExactly(
                t + ":2:3: column 'channel': expected a channel (or a utm_medium to take it from), found nothing",
                t + ":3:1: column 'email': expected a person's email or an account, found neither",
                t + ":3:4: column 'cost': expected an amount like 12500.00 (not negative), found 'five'");
    }

    @Test
    void aFileOfNoKnownShapeSaysWhatWasExpected() throws Exception {
        Path f = file("notes.csv", "Name,Phone\nA,1\n");

        assertThat(read(OutcomeMapping.DEFAULT, f).problems().get(0).format())
                .startsWith(f + ":1:1: cannot tell which export this is from its header (Name, Phone)");
    }

    @Test
    void aTruncatedQuoteIsReportedWhereItOpened() throws Exception {
        Path f = file("leads.csv", "Lead ID,Lead Status,Created Date\n00Q1,\"Open,3/1/2026\n");

        CrmProblem p = read(OutcomeMapping.DEFAULT, f).problems().get(0);

        assertThat(p.line()).isEqualTo(2);
        assertThat(p.message()).contains("not closed");
    }
}
