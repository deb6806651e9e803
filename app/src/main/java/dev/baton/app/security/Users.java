package dev.baton.app.security;

import dev.baton.app.store.Sha256;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Users and their API tokens in PostgreSQL. Passwords are hashed with the delegating encoder
 * (bcrypt, prefixed {@code {bcrypt}} so the algorithm can change later); tokens are random and
 * stored only as their SHA-256, so they can be checked on every request without a slow hash.
 */
@Component
public class Users implements UserDetailsService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final RowMapper<BatonUser> USER = (rs, n) -> new BatonUser(rs.getString("username"),
            rs.getString("password_hash"), Role.of(rs.getString("role")).orElseThrow(), rs.getString("person_id"));

    /** How long a token's user is remembered: a changed role takes effect within this time. */
    static final Duration TOKEN_CACHE = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    public Users(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    public BatonUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    public Optional<BatonUser> find(String username) {
        return jdbc.query("select * from users where username = ?", USER, username).stream().findFirst();
    }

    public List<BatonUser> all() {
        return jdbc.query("select * from users order by username", USER).stream().map(BatonUser::withoutPassword).toList();
    }

    public long count() {
        Long n = jdbc.queryForObject("select count(*) from users", Long.class);
        return n == null ? 0 : n;
    }

    /** Creates a user; false when the username is taken. */
    public boolean create(String username, String password, Role role, String personId) {
        return jdbc.update("insert into users (username, password_hash, role, person_id) values (?, ?, ?, ?) "
                + "on conflict (username) do nothing", username, passwords.encode(password), role.id(), personId) == 1;
    }

    public void changePassword(String username, String password) {
        jdbc.update("update users set password_hash = ? where username = ?", passwords.encode(password), username);
    }

    /** A new API token for a user: returned once, stored only as its hash. */
    public String issueToken(String username, String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "baton_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("insert into api_tokens (token_hash, username, name) values (?, ?, ?)", Sha256.hex(token), username, name);
        return token;
    }

    /**
     * The user of an API token. Programs send a token with every request, so a known token is
     * remembered for {@link #TOKEN_CACHE} rather than looked up in the database each time.
     */
    public Optional<BatonUser> byToken(String token) {
        String hash = Sha256.hex(token);
        long now = System.nanoTime();
        CachedToken cached = tokens.get(hash);
        if (cached != null && now - cached.at() < TOKEN_CACHE.toNanos()) {
            return Optional.of(cached.user());
        }
        Optional<BatonUser> user = jdbc.query("select u.* from api_tokens t join users u on u.username = t.username "
                + "where t.token_hash = ?", USER, hash).stream().findFirst().map(BatonUser::withoutPassword);
        if (user.isPresent()) {
            if (tokens.size() > 10_000) {
                tokens.clear();
            }
            tokens.put(hash, new CachedToken(user.get(), now));
        } else {
            tokens.remove(hash);
        }
        return user;
    }

    private record CachedToken(BatonUser user, long at) {
    }

    /** A random password of 20 letters and digits (about 119 bits). */
    public static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }

}
