package it.sportello.console.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import it.sportello.contract.WireName;

/** What an account may do in the console; written lower-case in accounts.yaml and on the wire. */
public enum Role implements WireName {
    /** Works the escalation queue of its tenants. */
    MODERATOR,
    /** Reviews the knowledge-base views of its tenants. */
    CURATOR,
    /** Everything, on every tenant, whatever the account's tenant list says. */
    ADMIN;

    @JsonValue
    @Override
    public String wire() {
        return WireName.super.wire();
    }

    @JsonCreator
    public static Role fromWire(String wire) {
        return WireName.parse(Role.class, wire)
                .orElseThrow(() -> new IllegalArgumentException("unknown role '" + wire + "'; known: moderator, curator, admin"));
    }
}
