package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages as a browser without JavaScript uses them: signed in with the sign-in form (a session
 * cookie), each form posted with the CSRF token of the page it is on, redirects not followed.
 */
public final class FormSession {

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    public FormSession(int port) {
        this.port = port;
    }

    /** Signs in with the demo password. */
    public FormSession signIn(String user) throws IOException, InterruptedException {
        String token = csrf(get("/signin").body());
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=baton-demo&_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return this;
    }

    /** Posts a form of {@code page} to {@code path}, url-encoded, with the page's CSRF token. */
    public HttpResponse<String> form(String page, String path, String name, String value)
            throws IOException, InterruptedException {
        String token = csrf(get(page).body());
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                        + "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of a page's form. */
    public static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
