package dev.baton.app.api;

import dev.baton.app.json.Problems;
import dev.baton.engine.event.ConcurrencyConflict;
import dev.baton.engine.io.JsonProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;

/**
 * Every error of the API as an RFC 9457 problem detail with a {@code code}. A user's mistake
 * (malformed JSON, a wrong type, a stale version) is a 4xx with a sentence saying what and where;
 * only our own bugs are a 500, and those never show internals.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ProblemDetail problem = Problems.of(e.status(), e.code(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(ConcurrencyConflict.class)
    ResponseEntity<ProblemDetail> conflict(ConcurrencyConflict e) {
        return api(CommandResults.stale(e.stream(), e.expectedVersion(), e.currentVersion()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another value" : e.getRequiredType().getSimpleName().toLowerCase();
        return api(ApiException.badRequest("invalid-parameter", "expected " + e.getName() + " to be "
                + ("int".equals(expected) || "long".equals(expected) || "integer".equals(expected) ? "a whole number" : expected)
                + ", found '" + e.getValue() + "'").with("parameter", e.getName()));
    }

    /**
     * A body Spring could not convert for the endpoint, e.g. a command sent as YAML: the endpoint
     * takes JSON (only PUT /api/v1/model takes YAML).
     */
    @ExceptionHandler(HttpMessageConversionException.class)
    ResponseEntity<ProblemDetail> unconvertible(HttpMessageConversionException e, jakarta.servlet.http.HttpServletRequest request) {
        String type = request.getContentType();
        return api(new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "expected Content-Type: application/json for " + request.getMethod() + " " + request.getRequestURI()
                        + ", found " + (type == null ? "none" : type) + "; nothing was recorded"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        LOG.error("internal error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal", "Baton failed on this request; nothing was recorded by it. The server log has the details."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return new ResponseEntity<>(unreadable(e), HttpStatus.BAD_REQUEST);
    }

    /** An upload beyond the servlet container's limit (spring.servlet.multipart.*), refused before any of it is read. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        String limit = e.getMaxUploadSize() > 0 ? " of " + (e.getMaxUploadSize() >> 20) + " MB" : "";
        return new ResponseEntity<>(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large",
                "The upload is larger than the server accepts" + limit + "; compress the export with gzip, split it "
                        + "(e.g. by date range), or import it with baton import on the command line. Nothing was imported."),
                HttpStatus.CONTENT_TOO_LARGE);
    }

    static ProblemDetail unreadable(Throwable e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof JacksonException)) {
            cause = cause.getCause();
        }
        if (cause instanceof JacksonException j) {
            TokenStreamLocation at = j.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String path = j instanceof DatabindException d && !d.getPath().isEmpty() ? " (" + j.getPathReference() + ")" : "";
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json",
                    "The request body is not valid JSON for this endpoint" + where + path + ": "
                            + (j instanceof DatabindException ? j.getOriginalMessage() : JsonProblem.of(j).message()));
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
                "The request body is missing or unreadable; expected a JSON object");
    }

    /** Problems Spring raises itself (wrong method, missing header, unsupported media type) get a code too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null
                || !problem.getProperties().containsKey("code"))) {
            String code = HttpStatus.resolve(status.value()) == null ? "http-" + status.value()
                    : HttpStatus.resolve(status.value()).name().toLowerCase().replace('_', '-');
            problem.setProperty("code", code);
            // Spring's own problems say "about:blank", which JSON leaves out; ours always name their kind
            problem.setType(java.net.URI.create("urn:baton:problem:" + code));
        }
        return super.createResponseEntity(body, headers, status, request);
    }
}
