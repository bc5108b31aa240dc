package it.sportello.guard;

import it.sportello.contract.Reason;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What the guard recognises in a text: each a detector of its own (a lexicon, a learned model or both). */
public enum GuardClass {
    EMERGENCY(Reason.EMERGENCY, Family.EMERGENCY),
    PERSONAL_CASE(Reason.PERSONAL_CASE, Family.REDIRECT),
    CONTACT_REQUEST(Reason.CONTACT_REQUEST, Family.REDIRECT),
    MINOR(Reason.MINOR, Family.REDIRECT),
    INSULT(Reason.INSULT, Family.NETIQUETTE),
    THREAT(Reason.THREAT, Family.NETIQUETTE),
    DISCRIMINATION(Reason.DISCRIMINATION, Family.NETIQUETTE),
    POLITICAL(Reason.POLITICAL, Family.NETIQUETTE),
    SPAM(Reason.SPAM, Family.NETIQUETTE),
    ILLEGAL(Reason.ILLEGAL, Family.NETIQUETTE),
    OBSCENE(Reason.OBSCENE, Family.NETIQUETTE),
    MISINFORMATION(Reason.MISINFORMATION, Family.NETIQUETTE),
    OFF_TOPIC(Reason.OFF_TOPIC, Family.NETIQUETTE),
    /**
     * Any netiquette violation but off-topic: moderation's first question, learned from every violation at once
     * (far more examples than each reason has); the reason is then the violation class that scores highest.
     */
    VIOLATION(null, Family.AGGREGATE),
    /** A complaint, praise or report about a service, or a question about the URP itself: the URP's business. */
    COMPLAINT(null, Family.ROUTE),
    COURTESY(null, Family.COURTESY);

    /**
     * How the policy weighs a class's errors: a missed emergency can cost a life, a clean message moderated
     * costs a citizen their voice, a wrong redirect an answer.
     */
    public enum Family { EMERGENCY, NETIQUETTE, AGGREGATE, REDIRECT, ROUTE, COURTESY }

    private final Reason reason;
    private final Family family;

    GuardClass(Reason reason, Family family) {
        this.reason = reason;
        this.family = family;
    }

    public Optional<Reason> reason() {
        return Optional.ofNullable(reason);
    }

    public Family family() {
        return family;
    }

    /** The corpus's and the evidence's name: {@code personal_case}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GuardClass> ofLabel(String label) {
        for (GuardClass c : values()) {
            if (c.label().equals(label)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public static Optional<GuardClass> of(Reason reason) {
        for (GuardClass c : values()) {
            if (c.reason == reason) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public static Set<GuardClass> netiquette() {
        EnumSet<GuardClass> out = EnumSet.noneOf(GuardClass.class);
        for (GuardClass c : values()) {
            if (c.family == Family.NETIQUETTE) {
                out.add(c);
            }
        }
        return out;
    }
}
