package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.baton.app.notify.NotificationSchedule;
import dev.baton.app.security.Role;
import dev.baton.app.security.Users;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notifications against a real SMTP server (GreenMail) and a real webhook receiver (the JDK's
 * HTTP server), both started by the test on ports reserved first and opened only after Baton's
 * first attempt was refused: the person who must act is told in the inbox at once, by email and
 * webhook once each after the retry, and never again however often the log is read. Time is the
 * test's: the background loop is off and {@link NotificationSchedule#runOnce} is driven by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationDeliveryIT extends DemoServer {

    static final int SMTP_PORT = freePort();
    static final int HOOK_PORT = freePort();
    static final String HOOK = "http://127.0.0.1:" + HOOK_PORT + "/hook";

    @DynamicPropertySource
    static void notifications(DynamicPropertyRegistry registry) {
        registry.add("baton.mail.host", () -> "127.0.0.1");
        registry.add("baton.mail.port", () -> SMTP_PORT);
        registry.add("baton.mail.from", () -> "baton@northwind.example");
        registry.add("baton.notifications.every", () -> "0");
        registry.add("baton.notifications.webhook-hosts", () -> "127.0.0.1");
        registry.add("baton.notifications.retry-first", () -> "PT1M");
        registry.add("baton.base-url", () -> "https://baton.northwind.example");
    }

    @Autowired
    NotificationSchedule schedule;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Users users;

    GreenMail smtp;
    HttpServer hook;
    final List<String> posts = new CopyOnWriteArrayList<>();

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stopServers() {
        if (smtp != null) {
            smtp.stop();
        }
        if (hook != null) {
            hook.stop(0);
        }
    }

    String campaignWaitingForMaya() {
        ApiClient nora = user("nora");
        ApiClient.Response created = nora.post("/api/v1/items", """
                {"workType": "campaign", "title": "Spring webinars", "fields": %s}""".formatted(WorkApiIT.BRIEF));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = (String) created.json().get("id");
        for (String[] command : new String[][] {{"move-to", "{\"stage\": \"brief-review\"}"}, {"request-approval", ""}}) {
            ApiClient.Response r = nora.post("/api/v1/items/" + id + "/" + command[0], command[1]);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        return id;
    }

    @Test
    @Order(1)
    void anApprovalIsInTheInboxAtOnceAndEmailedAndPostedOnceEachAfterTheRefusedFirstAttempt() throws Exception {
        ApiClient maya = user("maya");
        ApiClient.Response prefs = maya.put("/api/v1/me/notification-preferences", "application/json", """
                {"email": "maya@northwind.example", "webhookUrl": "%s", "channels": {"approval": ["email", "webhook"]}}"""
                .formatted(HOOK));
        assertThat(prefs.status()).as(prefs.body()).isEqualTo(200);
        String id = campaignWaitingForMaya();
        Instant now = Instant.now();

        schedule.runOnce(now);
        Map<String, Object> inbox = maya.get("/api/v1/inbox").json();
        assertThat(inbox).containsEntry("unread", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = ((List<Map<String, Object>>) inbox.get("notifications")).get(0);
        assertThat(entry).containsEntry("kind", "approval").containsEntry("item", id).containsEntry("title", "Spring webinars")
                .containsEntry("read", false);
        assertThat((String) entry.get("text")).isEqualTo("Nora Haddad asks for your approval at Brief review");
        // Nora asked herself too (the gate needs both): she is not told of her own request.
        assertThat(user("nora").get("/api/v1/inbox").json()).containsEntry("unread", 0);

        users.create("notify-admin", "notify admin password", Role.ADMIN, "dev.patel");
        ApiClient admin = nobody().as("notify-admin", "notify admin password");
        List<Map<String, Object>> problems = deliveries(admin, "problems");
        assertThat(problems).hasSize(2).allSatisfy(d -> {
            assertThat(d).containsEntry("status", "waiting").containsEntry("attempts", 1).containsEntry("recipient", "maya.chen");
            assertThat((String) d.get("lastError")).isNotBlank();
        });
        assertThat(maya.get("/api/v1/deliveries").status()).isEqualTo(403);

        startServers();
        schedule.runOnce(now.plusSeconds(30)); // the retry waits a minute
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(posts).isEmpty();

        schedule.runOnce(now.plus(Duration.ofMinutes(2)));
        MimeMessage[] mail = smtp.getReceivedMessages();
        assertThat(mail).hasSize(1);
        assertThat(mail[0].getAllRecipients()[0].toString()).isEqualTo("maya@northwind.example");
        assertThat(mail[0].getSubject()).isEqualTo("[Baton] Nora Haddad asks for your approval at Brief review: Spring webinars");
        assertThat(((String) mail[0].getContent())).contains("https://baton.northwind.example/items/" + id);
        assertThat(posts).singleElement().satisfies(p -> assertThat(p).contains("\"text\"")
                .contains("Approval · Spring webinars: Nora Haddad asks for your approval at Brief review"));

        // Later beats, and reading the whole log again, tell no one twice.
        schedule.runOnce(now.plus(Duration.ofHours(3)));
        jdbc.update("update notification_cursor set position = 0");
        schedule.runOnce(now.plus(Duration.ofHours(4)));
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(posts).hasSize(1);
        assertThat(maya.get("/api/v1/inbox").json()).containsEntry("unread", 1);
        assertThat(deliveries(admin, "problems")).isEmpty();
        assertThat(deliveries(admin, "sent")).hasSize(2).allSatisfy(d -> assertThat(d).containsEntry("attempts", 2));

        Number n = (Number) entry.get("id");
        ApiClient.Response read = maya.post("/api/v1/inbox/" + n + "/read", "");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json()).containsEntry("read", true);
        assertThat(maya.get("/api/v1/inbox").json()).containsEntry("unread", 0);
        assertThat(user("jon").post("/api/v1/inbox/" + n + "/read", "").status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void aMentionIsToldToThePersonNamedByIdOrUserNameAndEmailedAtOnceOnce() throws Exception {
        String id = campaignWaitingForMaya();
        int mailBefore = smtp.getReceivedMessages().length;
        int postsBefore = posts.size();
        ApiClient.Response comment = user("nora").post("/api/v1/items/" + id + "/comment",
                "{\"text\": \"@maya can you look at the segment? @jon.ito, the UTM plan. Mail nora@northwind.example.\"}");
        assertThat(comment.status()).as(comment.body()).isEqualTo(200);
        Instant now = Instant.now();
        schedule.runOnce(now);
        schedule.runOnce(now.plusSeconds(1));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jon = (List<Map<String, Object>>) user("jon").get("/api/v1/inbox").json().get("notifications");
        assertThat(jon).singleElement().satisfies(e -> assertThat(e).containsEntry("kind", "mention")
                .containsEntry("text", "Nora Haddad mentioned you in a comment"));
        // Maya: the new approval (email and webhook, as she chose) and the mention (email, the default).
        assertThat(smtp.getReceivedMessages()).hasSize(mailBefore + 2);
        assertThat(posts).hasSize(postsBefore + 1);
        assertThat(smtp.getReceivedMessages()[mailBefore + 1].getSubject()).contains("mentioned you");
        assertThat(user("nora").get("/api/v1/inbox").json()).containsEntry("unread", 0);
    }

    @Test
    @Order(3)
    void aWeeklyReportSubscriptionIsEmailedOncePerWeekAtItsTime() throws Exception {
        ApiClient.Response noEmail = user("jon").post("/api/v1/me/report-subscriptions", "{\"team\": \"pmm-team\"}");
        assertThat(noEmail.status()).isEqualTo(422);
        assertThat(noEmail.json()).containsEntry("code", "no-email-address");
        ApiClient.Response wrong = user("maya").post("/api/v1/me/report-subscriptions",
                "{\"team\": \"pmm\", \"weekday\": \"someday\", \"zone\": \"Mars/Olympus\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat((List<?>) wrong.json().get("errors")).hasSize(3);

        ApiClient.Response made = user("maya").post("/api/v1/me/report-subscriptions",
                "{\"team\": \"pmm-team\", \"weekday\": \"monday\", \"at\": \"09:00\", \"zone\": \"UTC\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json()).containsEntry("description", "Team pmm-team, Mondays at 09:00 UTC");
        int before = smtp.getReceivedMessages().length;

        Instant monday = Instant.now().atOffset(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                .truncatedTo(ChronoUnit.DAYS).plusHours(9).toInstant();
        schedule.runOnce(monday.minusSeconds(60));
        assertThat(smtp.getReceivedMessages()).hasSize(before);
        schedule.runOnce(monday.plusSeconds(5));
        schedule.runOnce(monday.plus(Duration.ofHours(2)));
        MimeMessage[] mail = smtp.getReceivedMessages();
        assertThat(mail).hasSize(before + 1);
        MimeMessage report = mail[before];
        assertThat(report.getSubject()).startsWith("[Baton] ").contains("Product marketing team");
        assertThat(report.getContentType()).startsWith("multipart/");
        assertThat(user("maya").get("/api/v1/me/report-subscriptions").list()).hasSize(1);
    }

    @Test
    @Order(4)
    void aDigestIsOneEmailADayWithEveryNotificationSinceTheLastAndNothingIsSentTwice() throws Exception {
        String jonMail = "jon@northwind.example";
        ApiClient jon = user("jon");
        ApiClient.Response prefs = jon.put("/api/v1/me/notification-preferences", "application/json", """
                {"email": "%s", "emailMode": "digest", "digestAt": "08:00", "zone": "UTC"}""".formatted(jonMail));
        assertThat(prefs.status()).as(prefs.body()).isEqualTo(200);
        String id = campaignWaitingForMaya();
        long before = lastNotification("jon.ito");
        int unreadBefore = (Integer) jon.get("/api/v1/inbox").json().get("unread");
        for (String text : List.of("@jon.ito the UTM plan, please.", "@jon.ito and the landing page copy.")) {
            ApiClient.Response comment = user("nora").post("/api/v1/items/" + id + "/comment",
                    "{\"text\": \"" + text + "\"}");
            assertThat(comment.status()).as(comment.body()).isEqualTo(200);
        }
        Instant now = Instant.now();
        Instant digest = now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusHours(8).toInstant();
        if (!digest.isAfter(now)) {
            digest = digest.plus(Duration.ofDays(1));
        }

        schedule.runOnce(now);
        schedule.runOnce(digest.minusSeconds(1));
        assertThat(mailTo(jonMail)).isEmpty();
        long told = jdbc.queryForObject("select count(*) from notifications where recipient = 'jon.ito' and id > ?",
                Long.class, before);
        assertThat(told).isGreaterThanOrEqualTo(2);
        assertThat(jon.get("/api/v1/inbox").json()).containsEntry("unread", unreadBefore + (int) told);

        schedule.runOnce(digest.plusSeconds(5));
        List<MimeMessage> first = mailTo(jonMail);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).getSubject()).isEqualTo("[Baton] " + told + " things wait for you");
        String body = (String) first.get(0).getContent();
        assertThat(body).startsWith(told + " things wait for you in Baton:");
        assertThat(body.lines().filter(l -> l.startsWith("- "))).hasSize((int) told);
        String line = "- Mention · Spring webinars: Nora Haddad mentioned you in a comment "
                + "https://baton.northwind.example/items/" + id;
        assertThat(body.lines().filter(l -> l.equals(line))).hasSize(2);
        assertThat(body).containsOnlyOnce("the UTM plan, please.").containsOnlyOnce("the landing page copy.");

        // Later beats, and reading the whole log again, send nothing more that day.
        schedule.runOnce(digest.plus(Duration.ofHours(2)));
        jdbc.update("update notification_cursor set position = 0");
        schedule.runOnce(digest.plus(Duration.ofHours(3)));
        assertThat(mailTo(jonMail)).hasSize(1);

        // The next day's digest has only what came since the last one.
        long sinceFirst = lastNotification("jon.ito");
        ApiClient.Response more = user("nora").post("/api/v1/items/" + id + "/comment",
                "{\"text\": \"@jon.ito one more: the budget line.\"}");
        assertThat(more.status()).as(more.body()).isEqualTo(200);
        schedule.runOnce(digest.plus(Duration.ofHours(4)));
        assertThat(mailTo(jonMail)).hasSize(1);
        long toldNext = jdbc.queryForObject("select count(*) from notifications where recipient = 'jon.ito' and id > ?",
                Long.class, sinceFirst);
        assertThat(toldNext).isGreaterThanOrEqualTo(1);
        schedule.runOnce(digest.plus(Duration.ofDays(1)).plusSeconds(5));
        schedule.runOnce(digest.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)));
        List<MimeMessage> both = mailTo(jonMail);
        assertThat(both).hasSize(2);
        String next = (String) both.get(1).getContent();
        assertThat(next).contains("one more: the budget line.").doesNotContain("the UTM plan")
                .doesNotContain("the landing page copy");
        // Nothing failed; what is still waiting (a later SLA warning, say) waits for the next digest.
        assertThat(jdbc.queryForObject("select count(*) from deliveries where recipient = 'jon.ito' "
                + "and (status = 'failed' or last_error is not null or (status = 'waiting' and next_attempt_at <= ?))",
                Long.class, java.sql.Timestamp.from(digest.plus(Duration.ofDays(1)).plus(Duration.ofHours(1))))).isZero();
    }

    long lastNotification(String person) {
        Long id = jdbc.queryForObject("select coalesce(max(id), 0) from notifications where recipient = ?", Long.class, person);
        return id == null ? 0 : id;
    }

    List<MimeMessage> mailTo(String address) throws Exception {
        List<MimeMessage> out = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                out.add(m);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> deliveries(ApiClient admin, String status) {
        ApiClient.Response r = admin.get("/api/v1/deliveries?status=" + status);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return (List<Map<String, Object>>) r.json().get("deliveries");
    }

    void startServers() throws IOException {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", HOOK_PORT), 0);
        hook.createContext("/hook", exchange -> {
            posts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        hook.start();
    }
}
