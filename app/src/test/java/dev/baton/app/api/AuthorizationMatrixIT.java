package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.security.Role;
import dev.baton.app.security.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every operation of the OpenAPI document × no credentials, a wrong API token and every role,
 * against the matrix docs/api.md documents ("Signing in and roles"); and every route the server
 * maps is either in the document or one of the web pages listed here, so no route escapes it.
 */
class AuthorizationMatrixIT extends DemoServer {

    /** Who may call what, as docs/api.md says: the least role an operation needs; null: open to anyone. */
    enum Needs { OPEN, SIGNED_IN, MEMBER, OPS, ADMIN }

    static Needs needs(String method, String path) {
        if (path.equals("/api/health") || path.startsWith("/api/docs")) {
            return Needs.OPEN;
        }
        if (path.startsWith("/api/v1/users") || path.startsWith("/api/v1/deliveries")
                || method.equals("POST") && path.equals("/api/v1/assist/enablements")) {
            return Needs.ADMIN;
        }
        if (method.equals("GET") || path.startsWith("/api/v1/me") || path.startsWith("/api/v1/inbox")) {
            return Needs.SIGNED_IN;
        }
        if ((method.equals("PUT") && path.equals("/api/v1/model")) || path.startsWith("/api/v1/imports")
                || path.equals("/api/v1/outcomes/imports")
                || path.startsWith("/api/v1/migrations")
                || path.startsWith("/api/v1/model-changes/") && (path.endsWith("/accept") || path.endsWith("/decline"))) {
            return Needs.OPS;
        }
        return Needs.MEMBER;
    }

    /** The web pages and their form posts: outside the API document, behind the session sign-in. */
    static final Set<String> PAGES = Set.of("/", "/signin", "/signout", "/denied", "/model", "/model/compare", "/intake", "/intake/forms/{form}",
            "/intake/requests/{id}/{decision}", "/boards/{workType}", "/boards/{workType}/move", "/items/{id}",
            "/items/{id}/{command}", "/debt", "/debt/components/{id}", "/import", "/import/preview", "/import/suggest-mapping",
            "/import/batches/{id}/retract", "/import/suggest", "/migrations", "/migrations/preview", "/error",
            "/inbox", "/inbox/{id}/read", "/inbox/read", "/inbox/preferences", "/reports/weekly", "/reports/weekly/subscriptions",
            "/reports/weekly/subscriptions/{id}/delete",
            // the model editor (docs/model-editing.md): the page, its draft's YAML and one form post per kind of change
            "/model/edit", "/model/edit/draft.yaml", "/model/edit/start", "/model/edit/field", "/model/edit/add",
            "/model/edit/remove", "/model/edit/move", "/model/edit/save", "/model/edit/discard",
            // learning loops (docs/learning-loops.md): the insight log, post-mortems, insights, proposed model changes
            "/learning", "/learning/insights", "/learning/insights/{id}", "/learning/insights/{id}/follow-ups",
            "/learning/insights/{id}/proposals", "/learning/post-mortems/{item}", "/learning/changes/{id}",
            "/learning/changes/{id}/accept", "/learning/changes/{id}/decline",
            // outcomes (docs/outcomes.md): the funnel, attribution by model, campaigns' pipeline beside their debt
            "/outcomes",
            // experiments (docs/experiments.md): an experiment's results page, its upload and insight, the rhythm
            "/experiments/{id}", "/experiments/{id}/results", "/experiments/{id}/insight", "/experiments/rhythm",
            // the roadmap (docs/roadmap.md#on-the-server): the page, entering and removing initiatives, a scenario, publishing
            "/roadmap", "/roadmap/initiatives", "/roadmap/initiatives/{id}/delete", "/roadmap/scenario", "/roadmap/publish",
            "/roadmap/assumptions",
            // assistants (docs/assist.md, "In the web app"): drafting at intake, deciding drafts, summaries, themes, the ledger
            "/assist/intake", "/assist/intake/draft", "/assist/drafts/{id}", "/assist/drafts/{id}/accept",
            "/assist/drafts/{id}/discard", "/assist/enable", "/assist/items/{id}/summary", "/assist/items/{id}/variants",
            "/assist/ledger", "/learning/themes",
            // the OpenAPI document itself
            "/api/docs", "/api/docs.yaml");

    @Autowired
    Users users;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Operation(String method, String path) {
    }

    @SuppressWarnings("unchecked")
    List<Operation> operations() {
        Map<String, Object> docs = nobody().get("/api/docs").json();
        List<Operation> operations = new ArrayList<>();
        ((Map<String, Map<String, Object>>) docs.get("paths")).forEach((path, methods) -> methods.keySet().forEach(m -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(m)) {
                operations.add(new Operation(m.toUpperCase(), path));
            }
        }));
        return operations;
    }

    static String concrete(String path) {
        return path.replace("{command}", "comment").replace("{decision}", "accept").replace("{number}", "1")
                .replaceAll("\\{[^}]+}", "matrix-x");
    }

    int call(Operation op, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + concrete(op.path())));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        String type = op.path().equals("/api/v1/model") ? "application/yaml" : "application/json";
        String body = op.path().equals("/api/v1/model") ? "not: a model" : "{}";
        switch (op.method()) {
            case "GET" -> request.GET();
            case "DELETE" -> request.DELETE();
            default -> request.header("Content-Type", type).method(op.method(), HttpRequest.BodyPublishers.ofString(body));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    @Test
    void everyOperationAnswersEveryRoleAsDocumented() throws Exception {
        users.create("matrix-admin", "matrix admin password", Role.ADMIN, "dev.patel");
        Map<String, String> as = new LinkedHashMap<>();
        as.put("viewer", basic("tomas", "baton-demo"));
        as.put("member", basic("maya", "baton-demo"));
        as.put("ops", basic("grace", "baton-demo"));
        as.put("admin", basic("matrix-admin", "matrix admin password"));
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThan(20);
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            Needs needs = needs(op.method(), op.path());
            check(wrong, op, "nobody", call(op, null), needs == Needs.OPEN);
            // Wrong credentials are refused everywhere, open routes included: the client learns its token is wrong.
            check(wrong, op, "wrong token", call(op, "Bearer baton_not-a-token"), false);
            int level = 0;
            for (Map.Entry<String, String> role : as.entrySet()) {
                level++;
                boolean allowed = switch (needs) {
                    case OPEN, SIGNED_IN -> true;
                    case MEMBER -> level >= 2;
                    case OPS -> level >= 3;
                    case ADMIN -> level >= 4;
                };
                check(wrong, op, role.getKey(), call(op, role.getValue()), allowed);
            }
        }
        assertThat(wrong).as("operations answering against the documented matrix").isEmpty();
    }

    private static void check(List<String> wrong, Operation op, String who, int status, boolean allowed) {
        boolean refused = status == 401 || status == 403;
        if (allowed == refused || status >= 500) {
            wrong.add(op.method() + " " + op.path() + " as " + who + ": " + status + (allowed ? " (should pass)" : " (should be refused)"));
        }
        if (!allowed && (who.equals("nobody") || who.equals("wrong token")) && status != 401) {
            wrong.add(op.method() + " " + op.path() + " as " + who + ": " + status + " (expected 401)");
        }
    }

    @Test
    void everyMappedRouteIsInTheApiDocumentOrAListedPage() {
        Set<String> documented = new TreeSet<>();
        operations().forEach(op -> documented.add(normalise(op.path())));
        Set<String> escaped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
            String path = normalise(pattern);
            boolean page = PAGES.stream().map(AuthorizationMatrixIT::normalise).anyMatch(path::equals);
            // a route ending in a command is documented one path per command (/items/{id}/approve)
            Pattern route = Pattern.compile(Pattern.quote(path).replace("{}", "\\E[^/]+\\Q"));
            if (!documented.contains(path) && !page && documented.stream().noneMatch(d -> route.matcher(d).matches())) {
                escaped.add(pattern);
            }
        }));
        assertThat(escaped).as("routes neither in /api/docs nor listed as pages").isEmpty();
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    static String normalise(String path) {
        return VARIABLE.matcher(path).replaceAll("{}");
    }
}
