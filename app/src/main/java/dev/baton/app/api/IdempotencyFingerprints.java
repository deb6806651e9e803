package dev.baton.app.api;

import dev.baton.app.security.BatonUser;
import dev.baton.app.store.Sha256;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import dev.baton.app.json.Problems;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Binds an {@code Idempotency-Key} to the request it was first sent with (method, path and body),
 * as Stripe does: the same key with the same request is a retry and replays the first answer; the
 * same key with another request is a mistake and gets a 422, never a silent replay of something
 * else. The fingerprint is claimed before the command runs, in one statement, so two different
 * requests racing with one key cannot both pass. Runs after sign-in: keys are per user.
 */
@Component
@Order(-99) // after Spring Security's filter chain (-100), which has the user by then
class IdempotencyFingerprints extends OncePerRequestFilter {

    /** Bodies larger than this are not commands; they are passed on unread. */
    private static final int MAX_BODY = 1 << 20;
    private static final List<String> METHODS = List.of("POST", "PUT", "PATCH", "DELETE");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    IdempotencyFingerprints(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return request.getHeader("Idempotency-Key") == null || !METHODS.contains(request.getMethod())
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/")
                || (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/"))
                || request.getContentLengthLong() > MAX_BODY;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        String key = request.getHeader("Idempotency-Key");
        if (signedIn == null || !(signedIn.getPrincipal() instanceof BatonUser user) || key.isBlank() || key.length() > 200) {
            chain.doFilter(request, response); // the endpoint answers these (401, or a 400 for the key)
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        String path = request.getRequestURI();
        String commandId = user.username() + ":" + key;
        String fingerprint = Sha256.hex(request.getMethod() + " " + path + "\n" + canonical(body));
        jdbc.update("insert into idempotency_fingerprints (command_id, fingerprint, method, path) values (?, ?, ?, ?) "
                + "on conflict (command_id) do nothing", commandId, fingerprint, request.getMethod(), path);
        List<String[]> first = jdbc.query("select fingerprint, method, path from idempotency_fingerprints where command_id = ?",
                (rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}, commandId);
        if (!first.isEmpty() && !first.get(0)[0].equals(fingerprint)) {
            Problems.send(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "The Idempotency-Key '"
                    + key + "' was first used for " + first.get(0)[1] + " " + first.get(0)[2]
                    + (first.get(0)[2].equals(path) ? " with another body" : "")
                    + "; a retry must send the same request, a new request needs a new key. Nothing was done.");
            return;
        }
        chain.doFilter(new ReadAgain(request, body), response);
    }

    /** The body as JSON with its whitespace normalised, so a retry that re-serialises it still matches. */
    private String canonical(byte[] body) {
        if (body.length == 0) {
            return "";
        }
        try {
            return json.readTree(body).toString();
        } catch (RuntimeException e) {
            return new String(body, StandardCharsets.UTF_8); // not JSON: the endpoint will say so; compare as sent
        }
    }

    /** The request with its body, already read, readable again by the endpoint. */
    private static final class ReadAgain extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
