package it.sportello.guard;

import it.sportello.contract.Message;
import it.sportello.tenant.TenantConfig;

/** Applies a tenant's social media policy to a message, before retrieval. */
public interface Guard {

    Verdict inspect(Message message, TenantConfig tenant);
}
