package it.sportello.console;

import it.sportello.contract.Action;
import it.sportello.contract.Channel;
import it.sportello.contract.Kind;
import it.sportello.contract.Reason;
import it.sportello.contract.Sanction;
import it.sportello.store.BanStatus;
import it.sportello.store.EscalationStatus;
import it.sportello.store.Priority;
import it.sportello.store.Resolution;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The Italian words the console shows for the contract's and the store's closed sets. Exhaustive
 * switches: a new reason or status does not compile until it has a label.
 */
final class Labels {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ITALIAN);

    private Labels() {
    }

    static String of(Reason r) {
        return switch (r) {
            case PERSONAL_CASE -> "Caso personale";
            case CONTACT_REQUEST -> "Richiesta di contatto";
            case MINOR -> "Minore";
            case EMERGENCY -> "Emergenza";
            case INSULT -> "Insulto";
            case THREAT -> "Minaccia";
            case DISCRIMINATION -> "Discriminazione";
            case POLITICAL -> "Contenuto politico";
            case SPAM -> "Spam o pubblicità";
            case ILLEGAL -> "Contenuto illecito";
            case OBSCENE -> "Contenuto osceno";
            case MISINFORMATION -> "Disinformazione";
            case OFF_TOPIC -> "Fuori tema";
            case REPEATED -> "Messaggio ripetuto";
            case LOW_CONFIDENCE -> "Risposta incerta";
            case PERSONAL_DATA -> "Dati personali";
            case OUT_OF_HOURS -> "Fuori orario";
        };
    }

    /** What a piece of evidence is about: a guard class (its reason's label), the answerability or the language. */
    static String evidenceAbout(String about) {
        return switch (about) {
            case "answerable" -> "Risposta dalla base di conoscenza";
            case "language" -> "Lingua";
            case "violation" -> "Violazione della netiquette";
            case "complaint" -> "Reclamo o elogio (URP)";
            case "courtesy" -> "Cortesia";
            case "repeated" -> "Messaggio ripetuto";
            default -> java.util.Arrays.stream(Reason.values()).filter(r -> r.wire().equals(about)).findFirst()
                    .map(Labels::of).orElse(about);
        };
    }

    static String evidenceBy(String by) {
        return switch (by) {
            case "model" -> "modello appreso";
            case "post history" -> "storico dei post";
            default -> by;
        };
    }

    static String of(Priority p) {
        return switch (p) {
            case EMERGENCY -> "Emergenza";
            case BAN_PROPOSED -> "Ban proposto";
            case MODERATION -> "Post nascosto";
            case QUESTION -> "Domanda";
        };
    }

    static String of(EscalationStatus s) {
        return switch (s) {
            case OPEN -> "Da gestire";
            case CLAIMED -> "In carico";
            case ANSWERED -> "Risolta";
            case DISMISSED -> "Archiviata";
        };
    }

    static String of(Resolution r) {
        return switch (r) {
            case REPLIED -> "Risposta inviata";
            case DISMISSED -> "Archiviata";
            case RESTORED -> "Post ripristinato";
            case BAN_CONFIRMED -> "Ban confermato";
            case BAN_REJECTED -> "Ban respinto";
        };
    }

    static String of(Action a) {
        return switch (a) {
            case ANSWER -> "Risposta automatica";
            case REDIRECT -> "Rinvio ad altro canale";
            case MODERATE -> "Moderazione";
            case ESCALATE -> "Passata a un operatore";
            case EMERGENCY -> "Emergenza";
            case IGNORE -> "Nessuna azione";
            case ERROR -> "Errore";
        };
    }

    static String of(Sanction s) {
        return switch (s) {
            case NONE -> "Nessuna";
            case WARNING -> "Avvertimento";
            case BAN_PROPOSED -> "Ban proposto";
        };
    }

    static String of(Channel c) {
        return switch (c) {
            case TELEGRAM -> "Telegram";
            case FACEBOOK -> "Facebook";
            case INSTAGRAM -> "Instagram";
            case YOUTUBE -> "YouTube";
            case WEB -> "Chat web";
            case CLI -> "Riga di comando";
        };
    }

    static String of(Kind k) {
        return switch (k) {
            case COMMENT -> "Commento pubblico";
            case MESSAGE -> "Messaggio privato";
        };
    }

    static String of(BanStatus s) {
        return switch (s) {
            case PROPOSED -> "Proposto";
            case CONFIRMED -> "Confermato";
            case REJECTED -> "Respinto";
            case LIFTED -> "Revocato";
        };
    }

    /** e.g. {@code 25/11/2026 14:05}, in the tenant's zone. */
    static String time(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    /** A wait in moderation hours: {@code 2 h 05 min}, {@code 12 min}, {@code meno di 1 min}. */
    static String waiting(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return "meno di 1 min";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }
}
