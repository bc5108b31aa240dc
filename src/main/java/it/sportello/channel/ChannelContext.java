package it.sportello.channel;

import it.sportello.intake.Intake;
import it.sportello.store.Cursors;
import it.sportello.store.MessageStore;
import it.sportello.tenant.TenantConfig;
import java.time.Clock;
import java.util.Objects;

/**
 * What an adapter needs of the rest of Sportello: its tenant, the intake that stores and decides what comes
 * in, the stored messages (to find where a reply or a hide must land), and the pollers' cursors.
 */
public record ChannelContext(TenantConfig tenant, Intake intake, MessageStore messages, Cursors cursors, Clock clock) {

    public ChannelContext {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(intake, "intake");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(cursors, "cursors");
        Objects.requireNonNull(clock, "clock");
    }
}
