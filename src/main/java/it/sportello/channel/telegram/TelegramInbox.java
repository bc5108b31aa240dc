package it.sportello.channel.telegram;

import it.sportello.intake.Intake;
import it.sportello.intake.Receipt;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Where every update goes, polled or pushed: mapped, then handed to the intake, which has stored it (and
 * queued its answer) when this returns. An update that cannot be mapped is logged by its id and skipped;
 * an intake failure (the store is down) is thrown, so the update is delivered again.
 */
final class TelegramInbox {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramInbox.class);

    private final String tenant;
    private final TelegramUpdates updates;
    private final Intake intake;

    TelegramInbox(String tenant, TelegramUpdates updates, Intake intake) {
        this.tenant = tenant;
        this.updates = updates;
        this.intake = intake;
    }

    /** The intake's receipt, or empty when the update is not a citizen's text. */
    Optional<Receipt> take(Update update) {
        Inbound inbound;
        try {
            inbound = updates.map(update);
        } catch (RuntimeException e) {
            LOG.atWarn().setMessage("telegram update skipped: cannot be read").addKeyValue("tenant", tenant)
                    .addKeyValue("update", update.getUpdateId()).addKeyValue("error", e.getClass().getSimpleName()).log();
            return Optional.empty();
        }
        if (inbound instanceof Inbound.Citizen citizen) {
            return Optional.of(intake.receive(citizen.message()));
        }
        if (inbound instanceof Inbound.Command command) {
            return Optional.of(intake.acknowledge(command.message(), command.reply()));
        }
        LOG.atDebug().setMessage("telegram update ignored").addKeyValue("tenant", tenant)
                .addKeyValue("update", update.getUpdateId()).addKeyValue("why", ((Inbound.Ignored) inbound).why()).log();
        return Optional.empty();
    }
}
