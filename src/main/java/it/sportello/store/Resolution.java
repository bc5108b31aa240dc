package it.sportello.store;

/** What the moderator did to close an escalation. */
public enum Resolution {
    /** Replied to the citizen (through the channel the message came from). */
    REPLIED(EscalationStatus.ANSWERED),
    /** Nothing to do, or the bot's handling stands (a hidden post stays hidden). */
    DISMISSED(EscalationStatus.DISMISSED),
    /** A hidden post was restored: the moderator found it within the rules. */
    RESTORED(EscalationStatus.ANSWERED),
    BAN_CONFIRMED(EscalationStatus.ANSWERED),
    BAN_REJECTED(EscalationStatus.DISMISSED);

    private final EscalationStatus status;

    Resolution(EscalationStatus status) {
        this.status = status;
    }

    public EscalationStatus status() {
        return status;
    }
}
