package dev.baton.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer TOKEN} with an API token; a wrong token is a 401, not an anonymous request. */
final class BearerTokenFilter extends OncePerRequestFilter {

    /** The Prometheus scraper's role: it may read {@code /actuator/prometheus} and nothing else. */
    static final String METRICS_ROLE = "METRICS";
    static final String PROMETHEUS = "/actuator/prometheus";

    private final Users users;
    private final AuthenticationEntryPoint entryPoint;
    private final byte[] metricsToken;

    /** @param metricsToken the token of {@code baton.metrics.token} (empty: none; then only admins scrape) */
    BearerTokenFilter(Users users, AuthenticationEntryPoint entryPoint, String metricsToken) {
        this.users = users;
        this.entryPoint = entryPoint;
        this.metricsToken = metricsToken == null || metricsToken.isBlank() ? null
                : metricsToken.trim().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            if (metricsToken != null && PROMETHEUS.equals(request.getRequestURI()) && java.security.MessageDigest.isEqual(
                    metricsToken, token.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "metrics", null, java.util.List.of(new org.springframework.security.core.authority
                                .SimpleGrantedAuthority("ROLE_" + METRICS_ROLE))));
                chain.doFilter(request, response);
                return;
            }
            Optional<BatonUser> user = users.byToken(header.substring(7).trim());
            if (user.isEmpty()) {
                SecurityContextHolder.clearContext();
                entryPoint.commence(request, response, new BadCredentialsException("unknown or revoked API token"));
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities()));
        }
        chain.doFilter(request, response);
    }
}
