package it.sportello.contract;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a message came from. */
public enum Channel implements WireName {
    TELEGRAM, FACEBOOK, WEB, CLI;

    @JsonValue
    @Override
    public String wire() {
        return WireName.super.wire();
    }
}
