package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.api.ApiClient.FilePart;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Calendar exports through the imports API (kind {@code calendar}, several {@code file} parts; see
 * docs/meetings.md) over real HTTP on a real PostgreSQL, every answer checked against the OpenAPI
 * document: a preview stores nothing, an import stores the meetings as one batch, importing the
 * same calendars again adds nothing, a malformed file is refused naming the file and line, and
 * several files are refused for every other kind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CalendarImportApiIT extends DemoServer {

    @Autowired
    JdbcTemplate jdbc;

    ApiClient grace;   // ops

    @BeforeEach
    void clients() {
        grace = user("grace");
    }

    static FilePart calendar(String name) {
        try (InputStream in = CalendarImportApiIT.class.getResourceAsStream("/imports/calendar/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new FilePart(name, in.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    long events() {
        return jdbc.queryForObject("select count(*) from events", Long.class);
    }

    long meetings() {
        return jdbc.queryForObject("select count(*) from events where stream like 'meeting:%'", Long.class);
    }

    long batches() {
        return jdbc.queryForObject("select count(*) from events where type = 'BatchImported'", Long.class);
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void aPreviewOfSeveralCalendarsCountsTheMeetingsOnceAndStoresNothing() {
        long before = events();
        ApiClient.Response preview = grace.multipart("/api/v1/imports/preview", "kind", "calendar",
                "file", calendar("maya.ics"), "file", calendar("sam.ics"));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        Map<String, Object> body = preview.json();
        assertThat(body).containsEntry("stored", false).containsEntry("kind", "calendar")
                .containsEntry("file", "maya.ics, sam.ics").containsEntry("alreadyPresent", 0);
        int held = (Integer) body.get("events");
        assertThat(held).isPositive();
        assertThat((Map<String, Object>) body.get("eventsByType")).containsExactly(Map.entry("MeetingHeld", held));
        // The same meeting in Maya's and Sam's calendars is found twice and held once.
        assertThat((Integer) body.get("changesRead")).isGreaterThan(held);
        assertThat(events()).isEqualTo(before);

        ApiClient.Response maya = grace.multipart("/api/v1/imports/preview", "kind", "calendar", "file", calendar("maya.ics"));
        assertThat(maya.status()).as(maya.body()).isEqualTo(200);
        assertThat((Integer) maya.json().get("events")).isPositive().isLessThan(held);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void anImportStoresOneBatchAndImportingAgainAddsNothing() {
        Map<String, Object> preview = grace.multipart("/api/v1/imports/preview", "kind", "calendar",
                "file", calendar("maya.ics"), "file", calendar("sam.ics")).json();
        long before = events();
        long batchesBefore = batches();

        ApiClient.Response first = grace.multipart("/api/v1/imports", "kind", "calendar",
                "file", calendar("maya.ics"), "file", calendar("sam.ics"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Map<String, Object> stored = first.json();
        assertThat(stored).containsEntry("stored", true).containsEntry("kind", "calendar")
                .containsEntry("alreadyPresent", 0).containsEntry("events", preview.get("events"))
                .containsEntry("eventsByType", preview.get("eventsByType"));
        assertThat(stored.get("batch")).isNotNull();
        int held = (Integer) stored.get("events");
        // The meetings and the BatchImported that records them as one batch.
        assertThat(events()).isEqualTo(before + held + 1);
        assertThat(meetings()).isEqualTo(held);
        assertThat(batches()).isEqualTo(batchesBefore + 1);

        // The same calendars again, in the other order, and one of them alone: nothing new.
        for (Object[] again : List.of(
                new Object[] {"kind", "calendar", "file", calendar("sam.ics"), "file", calendar("maya.ics")},
                new Object[] {"kind", "calendar", "file", calendar("maya.ics")})) {
            ApiClient.Response r = grace.multipart("/api/v1/imports", again);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json()).containsEntry("events", 0).containsEntry("batch", null);
            assertThat((Integer) r.json().get("alreadyPresent")).isPositive();
        }
        assertThat(events()).isEqualTo(before + held + 1);
        assertThat(batches()).isEqualTo(batchesBefore + 1);
    }

    @Test
    @Order(3)
    void aMalformedCalendarIsRefusedNamingFileAndLineAndNothingIsStored() {
        long before = events();
        for (String path : List.of("/api/v1/imports/preview", "/api/v1/imports")) {
            ApiClient.Response refused = grace.multipart(path, "kind", "calendar", "file", calendar("maya.ics"),
                    "file", calendar("broken-line.ics"));
            Map<String, Object> problem = problem(refused, 422, "invalid-export");
            assertThat((String) problem.get("detail")).as(path).contains("broken-line.ics:9: ")
                    .contains("expected an iCalendar file").contains("nothing was imported")
                    .doesNotContain("maya.ics:");
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void severalFilesForAnotherKindAreRefused() {
        long before = events();
        for (String path : List.of("/api/v1/imports/preview", "/api/v1/imports")) {
            ApiClient.Response refused = grace.multipart(path, "kind", "jira-json",
                    "file", ImportApiIT.jira(), "file", new FilePart("second.json", ImportApiIT.resource("jira-cloud-search-jql.json")));
            Map<String, Object> problem = problem(refused, 400, "invalid-input");
            assertThat((String) problem.get("detail")).as(path).contains("expected one export file for jira-json, found 2")
                    .contains("only calendar imports read several files");
        }
        assertThat(events()).isEqualTo(before);
    }

    private static Map<String, Object> problem(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        Map<String, Object> body = response.json();
        assertThat(body).containsEntry("code", code).containsKey("detail");
        return body;
    }
}
