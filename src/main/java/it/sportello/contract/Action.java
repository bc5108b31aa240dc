package it.sportello.contract;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the bot does with a message (contract: Actions). */
public enum Action implements WireName {
    ANSWER, REDIRECT, MODERATE, ESCALATE, EMERGENCY, IGNORE, ERROR;

    @JsonValue
    @Override
    public String wire() {
        return WireName.super.wire();
    }
}
