package it.sportello.contract;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a message came from (contract: channel). Instagram and YouTube are decided, not yet connected. */
public enum Channel implements WireName {
    TELEGRAM, FACEBOOK, INSTAGRAM, YOUTUBE, WEB, CLI;

    @JsonValue
    @Override
    public String wire() {
        return WireName.super.wire();
    }
}
