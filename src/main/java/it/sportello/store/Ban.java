package it.sportello.store;

import it.sportello.contract.Channel;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A ban of an author on a tenant's channel, from the guard's proposal to a moderator's decision. */
public record Ban(long id, String tenant, String author, Channel channel, Optional<Long> messageId, BanStatus status,
                  Instant proposedAt, Optional<String> decidedBy, Optional<Instant> decidedAt, Optional<String> liftedBy,
                  Optional<Instant> liftedAt) {

    public Ban {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
    }
}
