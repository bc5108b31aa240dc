package it.sportello.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why a decision was taken (contract: Reason vocabulary). */
public enum Reason implements WireName {
    PERSONAL_CASE, CONTACT_REQUEST, MINOR, EMERGENCY,
    INSULT, THREAT, DISCRIMINATION, POLITICAL, SPAM, ILLEGAL, OBSCENE, MISINFORMATION, OFF_TOPIC, REPEATED,
    LOW_CONFIDENCE, PERSONAL_DATA, OUT_OF_HOURS;

    @JsonValue
    @Override
    public String wire() {
        return WireName.super.wire();
    }

    @JsonCreator
    public static Reason fromWire(String wire) {
        return WireName.parse(Reason.class, wire)
                .orElseThrow(() -> new IllegalArgumentException("unknown reason '" + wire + "'"));
    }
}
