package it.sportello.cli;

import it.sportello.app.RetentionJob;
import it.sportello.app.Sportello;
import it.sportello.store.Database;
import it.sportello.store.DatabaseConfig;
import it.sportello.store.PurgeReport;
import it.sportello.tenant.TenantRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code purge}: applies the tenants' retention periods now (serve does it daily). */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Delete messages, escalations and guard history older than each tenant's retention period.")
final class PurgeCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    HomeOption home;

    @Option(names = "--data", defaultValue = "data", paramLabel = "DIR",
            description = "folder of the embedded database (default: ${DEFAULT-VALUE}/)")
    Path data;

    @Override
    public Integer call() {
        TenantRegistry tenants = TenantRegistry.load(new Sportello.Layout(home.home).tenants());
        try (Database database = Database.open(DatabaseConfig.fromEnvironment(System.getenv(), data))) {
            var out = spec.commandLine().getOut();
            for (PurgeReport r : new RetentionJob(tenants, database.stores(), Clock.systemDefaultZone()).run("purge-command")) {
                out.printf("%-12s %d messages, %d escalations, %d outbox items, %d strikes, %d fingerprints, %d bans removed; "
                                + "%d audit entries anonymised%n", r.tenant(), r.messages(), r.escalations(), r.outbox(),
                        r.strikes(), r.fingerprints(), r.bans(), r.auditAnonymised());
            }
            out.flush();
        }
        return 0;
    }
}
