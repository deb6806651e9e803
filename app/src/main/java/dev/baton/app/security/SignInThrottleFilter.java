package dev.baton.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt while {@link SignInThrottle} holds its user name or client address
 * locked, before any password is checked. Sign-in attempts are HTTP Basic requests to the API and
 * the sign-in form's POST; how a refusal is answered is the chain's own ({@link Refusal}).
 */
public final class SignInThrottleFilter extends OncePerRequestFilter {

    /** Answers a refused attempt: a 429 problem for the API, the sign-in page for people. */
    @FunctionalInterface
    public interface Refusal {
        void refuse(HttpServletRequest request, HttpServletResponse response, Duration retryAfter) throws IOException;
    }

    private final SignInThrottle throttle;
    private final String formPath;
    private final Refusal refusal;

    /** @param formPath the sign-in form's POST path, or null where sign-in is by HTTP Basic only */
    public SignInThrottleFilter(SignInThrottle throttle, String formPath, Refusal refusal) {
        this.throttle = throttle;
        this.formPath = formPath;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> username = attemptedUser(request);
        if (username.isPresent()) {
            Optional<Duration> locked = throttle.lockedFor(username.get(), request.getRemoteAddr());
            if (locked.isPresent()) {
                response.setHeader("Retry-After", Long.toString(Math.max(1, (locked.get().toMillis() + 999) / 1000)));
                refusal.refuse(request, response, locked.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Optional<String> attemptedUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basicUser(header.substring(6).trim());
        }
        if (formPath != null && "POST".equals(request.getMethod()) && formPath.equals(request.getServletPath())) {
            return Optional.ofNullable(request.getParameter("username"));
        }
        return Optional.empty();
    }

    private static Optional<String> basicUser(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return Optional.of(""); // not Base64: the Basic filter refuses it; the address may still be locked
        }
    }
}
