package dev.baton.app.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import dev.baton.app.json.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Refuses a request whose query string or form fields hold a NUL character (U+0000, {@code %00})
 * with a 400 that names the parameter, before anything reads it: PostgreSQL cannot store one in
 * text, and no person means one. JSON bodies are checked where they are read (the API's JsonBody).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class NulCharacters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String parameter = nulParameter(request);
        if (parameter == null) {
            chain.doFilter(request, response);
            return;
        }
        String detail = "expected text without NUL characters (U+0000, %00), found one in the parameter '" + parameter
                + "'; nothing was done";
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            Problems.send(response, org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-parameter", detail);
        } else {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>Bad request · Baton</title></head>"
                    + "<body><h1>That request was not understood</h1><p>" + HtmlUtils.htmlEscape(detail)
                    + "</p><p><a href=\"/\">Back to Baton</a></p></body></html>");
        }
    }

    /** The first parameter with a NUL in its name or value, or null. */
    private static String nulParameter(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
            for (String pair : query.split("&")) {
                if (pair.toLowerCase(Locale.ROOT).contains("%00")) {
                    String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                    try {
                        return URLDecoder.decode(name, StandardCharsets.UTF_8).replace("\u0000", "\\u0000");
                    } catch (IllegalArgumentException e) {
                        return name;
                    }
                }
            }
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
                if (entry.getKey().indexOf('\u0000') >= 0) {
                    return entry.getKey().replace("\u0000", "\\u0000");
                }
                for (String value : entry.getValue()) {
                    if (value != null && value.indexOf('\u0000') >= 0) {
                        return entry.getKey();
                    }
                }
            }
        }
        return null;
    }
}
