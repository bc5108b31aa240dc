package it.sportello.contract;

import java.time.OffsetDateTime;
import java.util.Objects;

/** What a citizen wrote, as any channel hands it in. */
public record Message(String id, String tenant, Channel channel, Kind kind, String author,
                      OffsetDateTime time, String text) {

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(text, "text");
    }

    public Message withText(String newText) {
        return new Message(id, tenant, channel, kind, author, time, newText);
    }
}
