package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.security.Role;
import dev.baton.app.security.Users;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The access-control holes found when Baton was tried as an attacker would: the user list and API
 * tokens by role, password guessing through the API and the sign-in form, and the session cookie
 * and privacy headers. Guessing runs from made-up client addresses (X-Forwarded-For from loopback,
 * which Baton trusts as a proxy) so that the other tests' address is never locked.
 */
class AccessControlIT extends DemoServer {

    @Autowired
    Users users;

    @Test
    void onlyAdminsListUsersAndViewersIssueNoTokens() {
        users.create("ada-admin", "correct horse battery", Role.ADMIN, "dev.patel");
        assertThat(user("tomas").get("/api/v1/users").status()).as("viewer").isEqualTo(403);
        assertThat(user("maya").get("/api/v1/users").status()).as("member").isEqualTo(403);
        ApiClient.Response ops = user("grace").get("/api/v1/users");
        assertThat(ops.status()).as("ops").isEqualTo(403);
        assertThat(ops.json()).containsEntry("code", "role-not-allowed");
        assertThat(ops.body()).doesNotContain("tomas");
        ApiClient.Response admin = nobody().as("ada-admin", "correct horse battery").get("/api/v1/users");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.list()).extracting(u -> u.get("username")).contains("tomas", "maya", "ada-admin");

        ApiClient.Response viewerToken = user("tomas").post("/api/v1/tokens", "{\"name\": \"mine\"}");
        assertThat(viewerToken.status()).isEqualTo(403);
        assertThat((String) viewerToken.json().get("detail")).contains("members run work and issue API tokens");
        assertThat(user("tomas").get("/api/v1/me").json()).containsEntry("role", "viewer");
        ApiClient.Response memberToken = user("nora").post("/api/v1/tokens", "{\"name\": \"ci\"}");
        assertThat(memberToken.status()).isEqualTo(201);
        assertThat(nobody().bearer((String) memberToken.json().get("token")).get("/api/v1/me").json())
                .containsEntry("username", "nora");
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedWithoutCheckingIt() {
        users.create("guess-target", "the right password", Role.MEMBER, "maya.chen");
        ApiClient right = nobody().as("guess-target", "the right password");
        assertThat(right.get("/api/v1/me", "X-Forwarded-For", "198.51.100.1").status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            ApiClient wrong = nobody().as("guess-target", "guess " + i);
            assertThat(wrong.get("/api/v1/me", "X-Forwarded-For", "198.51.100." + (10 + i)).status())
                    .as("guess %d", i).isEqualTo(401);
        }
        for (int i = 0; i < 100; i++) {
            assertThat(nobody().as("guess-target", "more " + i).get("/api/v1/me", "X-Forwarded-For", "198.51.100.2")
                    .status()).isEqualTo(429);
        }
        ApiClient.Response locked = right.get("/api/v1/me", "X-Forwarded-For", "198.51.100.3");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(locked.json()).containsEntry("code", "too-many-sign-in-attempts");
        assertThat((String) locked.json().get("detail")).contains("the right password included");
        assertThat(Integer.parseInt(locked.raw().headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1, 60);
        assertThat(user("maya").get("/api/v1/me", "X-Forwarded-For", "198.51.100.3").status())
                .as("another user from the same address").isEqualTo(200);
    }

    @Test
    void oneAddressGuessingManyUsersIsRefusedAfterTwenty() {
        for (int i = 0; i < 20; i++) {
            assertThat(nobody().as("nobody-" + i, "guess").get("/api/v1/me", "X-Forwarded-For", "192.0.2.77")
                    .status()).isEqualTo(401);
        }
        assertThat(user("maya").get("/api/v1/me", "X-Forwarded-For", "192.0.2.77").status()).isEqualTo(429);
        assertThat(user("maya").get("/api/v1/me", "X-Forwarded-For", "192.0.2.78").status()).isEqualTo(200);
    }

    @Test
    void theSignInFormIsThrottledToo() throws Exception {
        users.create("form-target", "the right password", Role.MEMBER, "maya.chen");
        Browserless web = new Browserless(port, "198.51.100.50");
        for (int i = 0; i < 5; i++) {
            assertThat(web.signIn("form-target", "guess " + i)).endsWith("/signin?error");
        }
        String refused = web.signIn("form-target", "the right password");
        assertThat(refused).contains("/signin?locked=");
        HttpResponse<String> page = web.get(refused);
        assertThat(page.body()).as("%s answered %d %s", refused, page.statusCode(), page.headers().map())
                .contains("Too many wrong passwords");
        assertThat(new Browserless(port, "198.51.100.51").signIn("maya", "baton-demo")).doesNotContain("signin");
    }

    @Test
    void theSessionCookieIsSameSiteAndSecureOverHttpsAndPagesSendPrivacyHeaders() throws Exception {
        HttpResponse<String> page = new Browserless(port, "198.51.100.60").get("/signin");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.headers().firstValue("Permissions-Policy")).hasValueSatisfying(p -> assertThat(p)
                .contains("camera=()", "geolocation=()"));
        String cookie = sessionCookie(page);
        assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");

        HttpResponse<String> overHttps = new Browserless(port, "198.51.100.61").get("/signin", "X-Forwarded-Proto", "https");
        assertThat(sessionCookie(overHttps)).contains("SameSite=Lax").contains("Secure");

        ApiClient.Response api = user("maya").get("/api/v1/me");
        assertThat(api.raw().headers().firstValue("Referrer-Policy")).contains("same-origin");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }
}
