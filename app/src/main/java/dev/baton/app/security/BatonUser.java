package dev.baton.app.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in user: a login with a role, acting as one person of the operating model (the
 * engine's actor, whose decision rights the model defines).
 */
public record BatonUser(String username, String passwordHash, Role role, String personId) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    /** The same user without the password hash, for principals that live beyond sign-in. */
    public BatonUser withoutPassword() {
        return new BatonUser(username, "", role, personId);
    }
}
