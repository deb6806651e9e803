package dev.baton.app.security;

import jakarta.servlet.http.HttpServletResponse;
import dev.baton.app.json.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Who may call what, before the model's decision rights are checked by the engine: everyone
 * signed in reads (except the user list); members and above run work and issue API tokens; ops
 * and admins upload models and import exports; admins list and manage users and see failed deliveries.
 * Everyone signed in reads and marks their own inbox and sets their own notification preferences. Password guessing is
 * throttled ({@link SignInThrottle}).
 * Only {@code /api/health}, the probes {@code /actuator/health/liveness|readiness} and the OpenAPI
 * description are open; {@code /actuator/prometheus} is for admins or the scraper token
 * ({@code baton.metrics.token}). Stateless: HTTP Basic for
 * people, Bearer API tokens for programs; no session, so no CSRF token is needed.
 */
@Configuration
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, Users users, SignInThrottle throttle,
                            @org.springframework.beans.factory.annotation.Value("${baton.metrics.token:}") String metricsToken)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"baton\", Bearer");
            Problems.send(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "Sign in with HTTP Basic (user and password) or an API token (Authorization: Bearer ...)"
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        };
        AccessDeniedHandler denied = (request, response, e) -> Problems.send(response, HttpStatus.FORBIDDEN,
                "role-not-allowed", "Your role does not allow " + request.getMethod() + " " + request.getRequestURI()
                        + " (viewers read; members run work and issue API tokens; ops and admins upload models and import;"
                        + " admins manage users)");
        SignInThrottleFilter.Refusal tooManyAttempts = (request, response, retryAfter) -> Problems.send(response,
                HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-in-attempts",
                "Too many wrong passwords for this user or from this address; sign-in is refused for "
                        + SignInThrottle.inWords(retryAfter) + " (Retry-After), the right password included");
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(x -> x.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .addFilterBefore(new BearerTokenFilter(users, unauthenticated, metricsToken), BasicAuthenticationFilter.class)
                .addFilterBefore(new SignInThrottleFilter(throttle, null, tooManyAttempts), BasicAuthenticationFilter.class)
                .headers(SecurityConfig::privacyHeaders)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/health", "/api/docs", "/api/docs/**", "/error").permitAll()
                        // Probes for load balancers and orchestrators: open, and they tell only UP or DOWN.
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        // Metrics: admins, or a scraper with the token of baton.metrics.token.
                        .requestMatchers(BearerTokenFilter.PROMETHEUS)
                        .hasAnyRole("ADMIN", BearerTokenFilter.METRICS_ROLE)
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        // Users before the general GET rule: who has which role is for admins only.
                        .requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole("ADMIN")
                        // Failed deliveries name everyone's addresses and errors: for admins.
                        .requestMatchers("/api/v1/deliveries", "/api/v1/deliveries/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").authenticated()
                        // One's own inbox: viewers mark read too.
                        .requestMatchers("/api/v1/inbox", "/api/v1/inbox/**").authenticated()
                        .requestMatchers("/api/v1/me", "/api/v1/me/**").authenticated()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/model").hasAnyRole("ADMIN", "OPS")
                        .requestMatchers("/api/v1/imports", "/api/v1/imports/**").hasAnyRole("ADMIN", "OPS")
                        .requestMatchers("/api/v1/outcomes/imports").hasAnyRole("ADMIN", "OPS")
                        .requestMatchers("/api/v1/migrations", "/api/v1/migrations/**").hasAnyRole("ADMIN", "OPS")
                        // Deciding on a proposed model change is changing the model: the right of uploads.
                        .requestMatchers(HttpMethod.POST, "/api/v1/model-changes/*/accept", "/api/v1/model-changes/*/decline")
                        .hasAnyRole("ADMIN", "OPS")
                        .requestMatchers(HttpMethod.POST, "/api/v1/assist/enablements").hasRole("ADMIN")
                        .requestMatchers("/api/v1/**").hasAnyRole("ADMIN", "OPS", "MEMBER")
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * Headers for every response: no referrer leaves Baton with an item's URL in it, and pages may
     * not use the camera, microphone, location or payment APIs.
     */
    public static void privacyHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"));
    }
}
