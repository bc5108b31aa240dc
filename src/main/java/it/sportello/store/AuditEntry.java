package it.sportello.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One action of a moderator or staff member. {@code target} names what it acted on by id
 * ({@code escalation:12}); {@code detail} never carries citizen text.
 */
public record AuditEntry(long id, Instant at, String actor, Optional<String> tenant, AuditAction action,
                         Optional<String> target, Optional<String> detail) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(detail, "detail");
    }

    public static AuditEntry of(Instant at, String actor, String tenant, AuditAction action, String target) {
        return new AuditEntry(0, at, actor, Optional.ofNullable(tenant), action, Optional.ofNullable(target),
                Optional.empty());
    }

    public AuditEntry withDetail(String text) {
        return new AuditEntry(id, at, actor, tenant, action, target, Optional.of(text));
    }
}
