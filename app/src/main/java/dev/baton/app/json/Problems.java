package dev.baton.app.json;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details as every Baton endpoint returns them: a {@code type} naming the kind
 * of problem ({@code urn:baton:problem:CODE}), the HTTP status, a {@code detail} sentence a person
 * can act on, and a stable {@code code} for programs.
 */
public final class Problems {

    private Problems() {
    }

    /**
     * Sends a problem from a servlet filter, which answers before Spring MVC's converters exist for
     * the request (sign-in, throttling, input refused on its way in).
     */
    public static void send(jakarta.servlet.http.HttpServletResponse response, HttpStatusCode status, String code,
                            String detail) throws java.io.IOException {
        ProblemDetail problem = of(status, code, detail);
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("code", code);
        response.setStatus(status.value());
        response.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8.name());
        Json.mapper().writeValue(response.getOutputStream(), body);
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:baton:problem:" + code));
        problem.setProperty("code", code);
        return problem;
    }
}
