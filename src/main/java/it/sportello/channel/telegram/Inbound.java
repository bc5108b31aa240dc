package it.sportello.channel.telegram;

import it.sportello.contract.Message;
import java.util.Objects;

/** What an update is to Sportello: a citizen's text, one of the bot's commands, or nothing to take in. */
sealed interface Inbound {

    /** Text for the responder. */
    record Citizen(Message message) implements Inbound {
        public Citizen {
            Objects.requireNonNull(message, "message");
        }
    }

    /** A bot command, answered with a fixed text. */
    record Command(Message message, String reply) implements Inbound {
        public Command {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** Not a citizen's text (an edit, a service message, a bot, the channel itself); {@code why} is for logs. */
    record Ignored(String why) implements Inbound {
        public Ignored {
            Objects.requireNonNull(why, "why");
        }
    }
}
