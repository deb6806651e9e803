package dev.baton.app.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.store.JdbcModelVersionStore;
import dev.baton.app.store.TestDatabase;
import dev.baton.engine.version.ModelVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stored exports are read once while nothing they are read from changes, and read again as
 * soon as something does: an import (here, on another server of the same database) or a model
 * version whose funnel reads them differently, or the bytes themselves.
 */
class StoredExportsCacheIT {

    static final Path EXAMPLES = Path.of("../examples/outcomes");

    @Test
    void theExportsAreReadAgainOnlyWhenAnImportOrTheModelChangesThem() throws Exception {
        DataSource db = TestDatabase.dataSource(TestDatabase.freshUrl());
        JdbcTemplate jdbc = new JdbcTemplate(db);
        Clock clock = Clock.systemUTC();
        ModelVersions versions = new ModelVersions(new JdbcModelVersionStore(jdbc), clock);
        versions.upload("b2b-saas.yaml", Files.readString(Path.of("../examples/b2b-saas.yaml")), "test");
        OutcomeImports one = new OutcomeImports(new OutcomeStore(db), clock, versions);
        OutcomeImports other = new OutcomeImports(new OutcomeStore(db), clock, versions);
        one.store("salesforce-leads", "leads.csv", Files.readAllBytes(EXAMPLES.resolve("salesforce/leads.csv")), null, "test");

        OutcomeImports.Stored first = one.stored();
        assertThat(first.read().data().leads()).isNotEmpty();
        assertThat(one.stored().read()).as("nothing changed: the same reading").isSameAs(first.read());
        assertThat(one.stored().derived()).as("what a request derives is its own").isNotSameAs(first.derived());

        other.store("salesforce-opportunities", "opportunities.csv",
                Files.readAllBytes(EXAMPLES.resolve("salesforce/opportunities.csv")), null, "test");
        OutcomeImports.Stored afterImport = one.stored();
        assertThat(afterImport.read()).as("an import on another server").isNotSameAs(first.read());
        assertThat(afterImport.read().data().opportunities()).isNotEmpty();
        assertThat(one.stored().read()).isSameAs(afterImport.read());

        String renamed = Files.readString(Path.of("../examples/b2b-saas.yaml")).replaceFirst("(?m)^name: .*$",
                "name: Renamed GTM");
        versions.upload("b2b-saas.yaml", renamed, "test");
        assertThat(one.stored().read()).as("a model version with the same funnel reads them the same")
                .isSameAs(afterImport.read());

        var upload = versions.upload("b2b-saas.yaml", renamed + """
                funnel:
                  stages:
                    - { id: lead, name: Lead }
                    - { id: mql, name: Marketing qualified }
                    - { id: sql, name: Sales qualified }
                    - { id: opportunity, name: Opportunity }
                    - { id: won, name: Customer }
                  lost: [Gone Dark]
                """, "test");
        assertThat(upload.accepted()).as(String.valueOf(upload.report().errors())).isTrue();
        OutcomeImports.Stored underNewFunnel = one.stored();
        assertThat(underNewFunnel.read()).as("a model whose funnel reads them differently").isNotSameAs(afterImport.read());
        afterImport = underNewFunnel;

        jdbc.update("update outcome_exports set content = content || convert_to(E'\\n', 'UTF8') where batch_id = ?",
                afterImport.batches().get(0).id());
        assertThat(one.stored().read()).as("bytes changed by hand").isNotSameAs(afterImport.read());
    }
}
