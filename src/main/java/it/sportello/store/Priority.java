package it.sportello.store;

import it.sportello.contract.Action;
import it.sportello.contract.Decision;
import it.sportello.contract.Sanction;
import java.util.Optional;

/**
 * How urgent an escalation is: the queue shows emergencies first, then ban proposals, hidden posts to
 * review and questions the bot could not answer; within a priority, oldest first.
 */
public enum Priority {
    EMERGENCY, BAN_PROPOSED, MODERATION, QUESTION;

    /** The escalation a decision calls for, if any: escalate, emergency, moderate and ban proposals. */
    public static Optional<Priority> of(Decision d) {
        if (d.sanction() == Sanction.BAN_PROPOSED) {
            return Optional.of(BAN_PROPOSED);
        }
        return switch (d.action()) {
            case EMERGENCY -> Optional.of(EMERGENCY);
            case MODERATE -> Optional.of(MODERATION);
            case ESCALATE -> Optional.of(QUESTION);
            case ANSWER, REDIRECT, IGNORE, ERROR -> Optional.empty();
        };
    }

    /** The value stored in {@code escalation.priority}: lower sorts first. */
    public int rank() {
        return ordinal();
    }

    static Priority ofRank(int rank) {
        return values()[rank];
    }
}
