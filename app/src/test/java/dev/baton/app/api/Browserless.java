package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sign-in form over plain HTTP with cookies and its CSRF token, from one client address. */
public final class Browserless {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private final int port;
    private final String address;
    private final HttpClient http;

    public Browserless(int port, String address) {
        this.port = port;
        this.address = address;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path
                : "http://localhost:" + port + path)).header("X-Forwarded-For", address);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in and answers where the server redirected to. */
    public String signIn(String username, String password) throws IOException, InterruptedException {
        Matcher csrf = CSRF.matcher(get("/signin").body());
        assertThat(csrf.find()).as("a CSRF token on the sign-in page").isTrue();
        String form = form(Map.of("username", username, "password", password, "_csrf", csrf.group(1)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/signin"))
                .header("X-Forwarded-For", address).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("sign-in answers with a redirect").isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** POSTs a form with the CSRF token of the page it was on; answers the response (redirects not followed). */
    HttpResponse<String> post(String page, String path, Map<String, String> fields) throws IOException, InterruptedException {
        Matcher token = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(get(page).body());
        assertThat(token.find()).as("a CSRF token on %s", page).isTrue();
        Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
        withToken.put("_csrf", token.group(1));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-For", address).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(withToken))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
