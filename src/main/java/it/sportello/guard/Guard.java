package it.sportello.guard;

import it.sportello.contract.Message;
import it.sportello.tenant.TenantConfig;

/** Applies a tenant's social media policy to a message, before retrieval. */
public interface Guard {

    Verdict inspect(Message message, TenantConfig tenant);

    /** A guard that lets everything through: the pipeline without policy, for retrieval alone. */
    Guard NONE = (message, tenant) -> Verdict.clear(message.text());
}
