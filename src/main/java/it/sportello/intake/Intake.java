package it.sportello.intake;

import it.sportello.contract.Action;
import it.sportello.contract.Channel;
import it.sportello.contract.Decision;
import it.sportello.contract.Evidence;
import it.sportello.contract.Message;
import it.sportello.contract.Reason;
import it.sportello.contract.Sanction;
import it.sportello.guard.PersonalDataDetector;
import it.sportello.guard.Redaction;
import it.sportello.responder.Responder;
import it.sportello.store.Accepted;
import it.sportello.store.Followups;
import it.sportello.store.MessageStore;
import it.sportello.store.OutboxItem;
import it.sportello.store.OutboxKind;
import it.sportello.store.Priority;
import it.sportello.store.Recorded;
import it.sportello.store.StoredMessage;
import it.sportello.store.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a message from any channel through redaction, the store and the responder. The redacted text is
 * stored before the message is decided, so a message accepted is never lost: if the process dies in
 * between, {@link #recover()} decides it at the next start. A retried delivery (same tenant, channel and
 * external id) gets the first decision back and is not processed again.
 */
public final class Intake {

    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

    private final Responder responder;
    private final PersonalDataDetector personalData;
    private final MessageStore messages;
    private final Transactions transactions;
    private final Clock clock;

    public Intake(Responder responder, PersonalDataDetector personalData, MessageStore messages,
                  Transactions transactions, Clock clock) {
        this.responder = responder;
        this.personalData = personalData;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Receipt receive(Message message) {
        Accepted accepted = store(message);
        if (accepted.duplicate()) {
            return duplicate(accepted.stored(), message);
        }
        return process(accepted.stored(), message, false);
    }

    /**
     * Stores {@code message} with a fixed {@code reply} instead of a decision of the responder: a platform's
     * bot command ({@code /start}) that the channel answers with its own text. Same path as {@link #receive}:
     * redacted and stored first (a redelivery is recognised and not answered again), then the decision
     * ({@code ignore}, with that reply) and the reply's outbox item in one transaction.
     */
    public Receipt acknowledge(Message message, String reply) {
        Accepted accepted = store(message);
        StoredMessage stored = accepted.stored();
        if (accepted.duplicate()) {
            return duplicate(stored, message);
        }
        Decision decision = new Decision(message.id(), Action.IGNORE,
                stored.personalData() ? List.of(Reason.PERSONAL_DATA) : List.of(), false, Sanction.NONE, List.of(), reply, 1,
                Evidence.NONE, Optional.empty());
        Recorded recorded = transactions.atomically(() ->
                messages.decided(stored, decision, followups(stored, decision), clock.instant()));
        LOG.atInfo().setMessage("message acknowledged").addKeyValue("message", stored.id())
                .addKeyValue("tenant", message.tenant()).addKeyValue("channel", message.channel().wire()).log();
        return new Receipt(stored.id(), Optional.of(decision), false, recorded.escalation());
    }

    /** Redacts {@code message} and writes it, or finds the row of an earlier delivery of it. */
    private Accepted store(Message message) {
        Redaction redaction = personalData.redact(message.text());
        return messages.accept(message.withText(redaction.text()), redaction.any(), clock.instant());
    }

    private static Receipt duplicate(StoredMessage stored, Message message) {
        LOG.atInfo().setMessage("duplicate delivery").addKeyValue("message", stored.id())
                .addKeyValue("tenant", message.tenant()).addKeyValue("channel", message.channel().wire()).log();
        return new Receipt(stored.id(), stored.decision(), true, Optional.empty());
    }

    /** Decides the messages stored but never decided (the process stopped in between); returns how many. */
    public int recover() {
        int done = 0;
        for (List<StoredMessage> batch = messages.undecided(100); !batch.isEmpty(); batch = messages.undecided(100)) {
            for (StoredMessage stored : batch) {
                process(stored, stored.message(), stored.personalData());
                done++;
            }
        }
        if (done > 0) {
            LOG.atWarn().setMessage("recovered messages stored before a stop but not decided").addKeyValue("count", done).log();
        }
        return done;
    }

    /**
     * Decides, then records the decision with what it adds to the author's history (strikes, post fingerprints)
     * in one transaction: a crash in between leaves the message undecided and no half of its consequences.
     * {@code message} is the text to decide on: the original when at hand, else the stored redacted one
     * ({@code redactedBefore}, which then carried personal data when the store says so).
     */
    private Receipt process(StoredMessage stored, Message message, boolean redactedBefore) {
        long t0 = System.nanoTime();
        record Outcome(Decision decision, Recorded recorded) { }
        Outcome outcome;
        try {
            outcome = transactions.atomically(() -> {
                Decision d = responder.decide(message, redactedBefore && stored.personalData());
                responder.remember(message, d);
                return new Outcome(d, messages.decided(stored, d, followups(stored, d), clock.instant()));
            });
        } catch (RuntimeException e) {
            LOG.atError().setMessage("decision failed").addKeyValue("message", stored.id())
                    .addKeyValue("error", e.getClass().getSimpleName()).setCause(e).log();
            Decision error = Decision.error(message.id(), "internal error while deciding");
            outcome = new Outcome(error, messages.decided(stored, error, Followups.none(), clock.instant()));
        }
        Decision decision = outcome.decision();
        Recorded recorded = outcome.recorded();
        LOG.atInfo().setMessage("message decided").addKeyValue("message", stored.id())
                .addKeyValue("tenant", message.tenant()).addKeyValue("channel", message.channel().wire())
                .addKeyValue("kind", message.kind().wire()).addKeyValue("action", decision.action().wire())
                .addKeyValue("reasons", decision.reasons().stream().map(r -> r.wire()).toList())
                .addKeyValue("escalation", recorded.escalation().orElse(null))
                .addKeyValue("micros", (System.nanoTime() - t0) / 1000).log();
        return new Receipt(stored.id(), Optional.of(decision), false, recorded.escalation());
    }

    /**
     * The escalation a decision calls for, its ban proposal, and what a platform channel must carry out:
     * the reply and the hiding of a public post. The web chat and the command line get the reply in the
     * response instead.
     */
    static Followups followups(StoredMessage stored, Decision d) {
        Message m = stored.message();
        List<OutboxItem> outbox = new ArrayList<>();
        if (isPlatform(m.channel()) && d.action() != Action.ERROR) {
            Instant at = stored.receivedAt();
            if (d.hide()) {
                outbox.add(OutboxItem.draft(m.tenant(), m.channel(), OutboxKind.HIDE, m.author(), Optional.of(stored.id()),
                        Optional.empty(), at));
            }
            if (!d.reply().isBlank()) {
                outbox.add(OutboxItem.draft(m.tenant(), m.channel(), OutboxKind.REPLY, m.author(),
                        Optional.of(stored.id()), Optional.of(d.reply()), at));
            }
        }
        return new Followups(Priority.of(d), d.sanction() == Sanction.BAN_PROPOSED, outbox);
    }

    private static boolean isPlatform(Channel channel) {
        return switch (channel) {
            case TELEGRAM, FACEBOOK, INSTAGRAM, YOUTUBE -> true;
            case WEB, CLI -> false;
        };
    }
}
