package it.sportello.contract;

import com.fasterxml.jackson.annotation.JsonValue;

/** A public post or comment, visible to everyone, or a private chat with the bot. */
public enum Kind implements WireName {
    COMMENT, MESSAGE;

    @JsonValue
    @Override
    public String wire() {
        return WireName.super.wire();
    }

    public boolean isPublic() {
        return this == COMMENT;
    }
}
