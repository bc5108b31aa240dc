package it.sportello.responder;

import it.sportello.search.SectionIndex;
import it.sportello.tenant.ModerationHours;
import it.sportello.tenant.TenantConfig;
import java.util.Objects;

/** What the pipeline needs of one tenant at run time: its configuration, index and hours. */
public record TenantRuntime(TenantConfig config, SectionIndex index, ModerationHours hours) {

    public TenantRuntime {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(hours, "hours");
    }
}
