package it.sportello.app;

import it.sportello.store.AuditAction;
import it.sportello.store.AuditEntry;
import it.sportello.store.PurgeReport;
import it.sportello.store.Stores;
import it.sportello.tenant.TenantConfig;
import it.sportello.tenant.TenantRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies every tenant's retention period to the store, and writes what it did to the audit log. */
public final class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final TenantRegistry tenants;
    private final Stores stores;
    private final Clock clock;

    public RetentionJob(TenantRegistry tenants, Stores stores, Clock clock) {
        this.tenants = tenants;
        this.stores = stores;
        this.clock = clock;
    }

    public List<PurgeReport> run(String actor) {
        Instant now = clock.instant();
        List<PurgeReport> reports = new ArrayList<>();
        for (TenantConfig tenant : tenants.all()) {
            Instant cutoff = now.minus(Duration.ofDays(tenant.retentionDays()));
            PurgeReport report = stores.retention().purge(tenant.id(), cutoff);
            reports.add(report);
            stores.audit().record(AuditEntry.of(now, actor, tenant.id(), AuditAction.PURGE, null)
                    .withDetail("older than " + tenant.retentionDays() + " days: " + report.messages() + " messages, "
                            + report.escalations() + " escalations, " + report.outbox() + " outbox items, "
                            + report.strikes() + " strikes, " + report.bans() + " bans removed"));
            LOG.atInfo().setMessage("retention purge").addKeyValue("tenant", tenant.id())
                    .addKeyValue("messages", report.messages()).addKeyValue("escalations", report.escalations()).log();
        }
        stores.sessions().deleteExpired(now);
        return reports;
    }
}
