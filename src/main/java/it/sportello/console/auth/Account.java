package it.sportello.console.auth;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A console user. Roles are granted per tenant: a moderator of ats-milano sees none of asst-crema's
 * queue. {@link Role#ADMIN} covers every tenant, so an admin's tenant list may be empty.
 * Sets are kept sorted so that accounts.yaml is written the same way every time.
 */
public record Account(String username, String passwordHash, Set<Role> roles, Set<String> tenants) {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,40}");
    /** The same shape as {@code TenantConfig.id}. */
    private static final Pattern TENANT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Account {
        checkUsername(username);
        if (!PasswordHasher.isWellFormed(passwordHash)) {
            throw new IllegalArgumentException("password_hash of '" + username + "' is not a pbkdf2-sha256 hash");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("account '" + username + "' has no role");
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
        SortedSet<String> sorted = new TreeSet<>(tenants == null ? Set.of() : tenants);
        for (String t : sorted) {
            if (!TENANT.matcher(t).matches()) {
                throw new IllegalArgumentException("account '" + username + "': '" + t + "' is not a tenant id");
            }
        }
        tenants = Collections.unmodifiableSortedSet(sorted);
        if (tenants.isEmpty() && !roles.contains(Role.ADMIN)) {
            throw new IllegalArgumentException("account '" + username + "' needs at least one tenant (only an admin has all)");
        }
    }

    /** For callers that check a username before asking for a password. */
    public static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username '" + username
                    + "' must be 2 to 40 characters among a-z, 0-9, '.', '_' and '-'");
        }
    }

    @JsonIgnore
    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** Whether this account may act as {@code role} on {@code tenant}. */
    public boolean can(Role role, String tenant) {
        return isAdmin() || roles.contains(role) && tenants.contains(tenant);
    }

    /**
     * The tenants among {@code known} where this account acts as {@code role}: all of them for an admin.
     * Taking the known tenants keeps a tenant removed from config/ out of the console.
     */
    public Set<String> tenantsFor(Role role, Set<String> known) {
        return Collections.unmodifiableSortedSet(known.stream().filter(t -> can(role, t))
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** The same account with another password hash. */
    public Account withPasswordHash(String hash) {
        return new Account(username, hash, roles, tenants);
    }

    /** Never the hash: records print their fields, and this one can end up in a log line. */
    @Override
    public String toString() {
        return "Account[" + username + " " + roles + " on " + (isAdmin() ? "all tenants" : tenants) + "]";
    }
}
