package dev.baton.app.api;

import dev.baton.app.security.BatonUser;
import dev.baton.app.security.Role;
import dev.baton.app.security.Users;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Who I am, my password and API tokens; users (admins only). */
@RestController
class AccountController {

    static final int MIN_PASSWORD = 12;

    private final Users users;

    AccountController(Users users) {
        this.users = users;
    }

    @GetMapping("/api/v1/me")
    Map<String, Object> me(@AuthenticationPrincipal BatonUser user) {
        return json(user);
    }

    @PutMapping("/api/v1/me/password")
    ResponseEntity<Void> changePassword(@RequestBody(required = false) JsonNode request,
                                        @AuthenticationPrincipal BatonUser user) {
        JsonBody body = JsonBody.of(request);
        String password = password(body);
        body.check();
        users.changePassword(user.username(), password);
        return ResponseEntity.noContent().build();
    }

    /** A new API token for the signed-in user; shown once, stored only as its SHA-256. */
    @PostMapping("/api/v1/tokens")
    ResponseEntity<Map<String, Object>> issueToken(@RequestBody(required = false) JsonNode request,
                                                   @AuthenticationPrincipal BatonUser user) {
        JsonBody body = JsonBody.of(request);
        String name = body.text("name", false);
        body.check();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name == null ? "api" : name);
        json.put("token", users.issueToken(user.username(), name == null ? "api" : name));
        json.put("note", "Shown once: Baton keeps only its SHA-256. Send it as 'Authorization: Bearer <token>'.");
        return ResponseEntity.status(HttpStatus.CREATED).body(json);
    }

    @GetMapping("/api/v1/users")
    List<Map<String, Object>> all() {
        return users.all().stream().map(AccountController::json).toList();
    }

    @PostMapping("/api/v1/users")
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode request) {
        JsonBody body = JsonBody.of(request);
        String username = body.text("username", true);
        String password = password(body);
        String roleId = body.text("role", true);
        String person = body.text("person", true);
        Role role = roleId == null ? null : Role.of(roleId).orElse(null);
        if (roleId != null && role == null) {
            body.error("role", "expected role to be admin, ops, member or viewer, found '" + roleId + "'");
        }
        body.check();
        if (!users.create(username, password, role, person)) {
            throw new ApiException(HttpStatus.CONFLICT, "user-exists", "There is already a user '" + username + "'");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(json(users.find(username).orElseThrow()));
    }

    private static String password(JsonBody body) {
        String password = body.text("password", true);
        if (password != null && password.length() < MIN_PASSWORD) {
            body.error("password", "expected a password of at least " + MIN_PASSWORD + " characters, found "
                    + password.length());
        }
        return password;
    }

    private static Map<String, Object> json(BatonUser user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("username", user.username());
        json.put("role", user.role().id());
        json.put("person", user.personId());
        return json;
    }
}
