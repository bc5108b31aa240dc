package it.sportello.guard;

import it.sportello.contract.Action;
import it.sportello.contract.Message;
import it.sportello.tenant.TenantConfig;

/** Applies a tenant's social media policy to a message, before retrieval. */
public interface Guard {

    /**
     * The policy's verdict on {@code message}, a pure function of it and of its author's history so far;
     * {@code redactedBefore}: the text is the store's redacted copy, so it carried personal data.
     */
    Verdict inspect(Message message, TenantConfig tenant, boolean redactedBefore);

    /** Adds to the author's history what the decision {@code action} on {@code message} means for it. */
    void remember(Message message, TenantConfig tenant, Action action);
}
