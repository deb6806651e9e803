package dev.baton.app.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import dev.baton.app.security.SecurityConfig;
import dev.baton.app.security.SignInThrottle;
import dev.baton.app.security.SignInThrottleFilter;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * The pages' security: a session with a sign-in form, CSRF tokens on every form and htmx request
 * (the layout puts the token in a header htmx sends). Everything outside {@code /api/} goes
 * through this chain; the API keeps its own stateless chain (Basic and Bearer, no session).
 * Roles as in the API: viewers read, members run work, ops and admins also upload models and import.
 * Wrong passwords are throttled as in the API; the session cookie is {@code SameSite=Lax}, and
 * {@code Secure} whenever the request came over HTTPS (directly or through a proxy's
 * {@code X-Forwarded-Proto}; see application.properties).
 */
@Configuration
class WebSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain pages(HttpSecurity http, SignInThrottle throttle) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        SignInThrottleFilter.Refusal backToSignIn = (request, response, retryAfter) ->
                response.sendRedirect(request.getContextPath() + "/signin?locked=" + retryAfter.toSeconds());
        // The API and the operators' endpoints (/actuator) answer programs: HTTP Basic and tokens, no sign-in page.
        http.securityMatcher(new NegatedRequestMatcher(new org.springframework.security.web.util.matcher.OrRequestMatcher(
                        paths.matcher("/api/**"), paths.matcher("/actuator/**"))))
                .addFilterBefore(new SignInThrottleFilter(throttle, "/signin", backToSignIn),
                        UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/signin").loginProcessingUrl("/signin")
                        .defaultSuccessUrl("/", false).failureUrl("/signin?error").permitAll())
                .logout(out -> out.logoutUrl("/signout").logoutSuccessUrl("/signin?signedout"))
                .exceptionHandling(x -> x.accessDeniedPage("/denied"))
                .headers(h -> SecurityConfig.privacyHeaders(h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; frame-ancestors 'none'"))))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error", "/denied", "/signin")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/signout").authenticated()
                        .requestMatchers(HttpMethod.GET, "/signout").permitAll()
                        .requestMatchers(HttpMethod.POST, "/model").hasAnyRole("ADMIN", "OPS")
                        .requestMatchers(HttpMethod.POST, "/model/edit/**").hasAnyRole("ADMIN", "OPS")
                        .requestMatchers("/import", "/import/**").hasAnyRole("ADMIN", "OPS")
                        .requestMatchers("/migrations", "/migrations/**").hasAnyRole("ADMIN", "OPS")
                        // Deciding on a proposed model change is changing the model (docs/learning-loops.md).
                        .requestMatchers(HttpMethod.POST, "/learning/changes/*/accept", "/learning/changes/*/decline")
                        .hasAnyRole("ADMIN", "OPS")
                        // One's own inbox, preferences and report subscriptions: viewers too.
                        .requestMatchers("/inbox", "/inbox/**", "/reports/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/**").hasAnyRole("ADMIN", "OPS", "MEMBER")
                        .anyRequest().authenticated());
        return http.build();
    }
}
