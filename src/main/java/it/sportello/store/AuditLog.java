package it.sportello.store;

import java.util.List;

/** Every moderator and staff action, kept beyond the retention period (without personal data). */
public interface AuditLog {

    void record(AuditEntry entry);

    /** The most recent entries, of one tenant, or of all tenants when {@code tenant} is empty. */
    List<AuditEntry> recent(java.util.Optional<String> tenant, int limit);
}
