package it.sportello.store;

/** What one retention run removed or anonymised, for one tenant. */
public record PurgeReport(String tenant, int messages, int escalations, int outbox, int strikes, int fingerprints,
                          int bans, int auditAnonymised) {

    public int total() {
        return messages + escalations + outbox + strikes + fingerprints + bans + auditAnonymised;
    }
}
