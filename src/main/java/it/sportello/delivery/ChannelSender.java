package it.sportello.delivery;

import it.sportello.store.OutboxItem;

/** Carries out outbox items on one platform (a reply, a hide, a ban...). Implemented by each channel adapter. */
@FunctionalInterface
public interface ChannelSender {

    /** Tries once; never throws for what the platform answered, only reports it. */
    Delivery send(OutboxItem item);
}
