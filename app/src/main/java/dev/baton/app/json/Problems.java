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

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:baton:problem:" + code));
        problem.setProperty("code", code);
        return problem;
    }
}
