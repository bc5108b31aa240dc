package it.sportello.contract;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happens to the author of a netiquette violation. */
public enum Sanction implements WireName {
    NONE, WARNING, BAN_PROPOSED;

    @JsonValue
    @Override
    public String wire() {
        return WireName.super.wire();
    }
}
