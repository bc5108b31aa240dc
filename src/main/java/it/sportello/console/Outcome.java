package it.sportello.console;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an action did, told on the page it redirects to. Only this code travels in the address
 * ({@code ?esito=risposta}), never a text: nobody can make the console display a sentence of their own.
 */
enum Outcome {
    CLAIMED("presa", "Hai preso in carico la segnalazione."),
    REPLIED("risposta", "Risposta inviata: il cittadino la riceverà sul canale da cui ha scritto."),
    DISMISSED("archiviata", "Segnalazione archiviata."),
    RESTORED("ripristinato", "Il post sarà ripristinato sul canale."),
    BAN_CONFIRMED("ban-confermato", "Ban confermato: l'autore sarà bloccato sul canale."),
    BAN_REJECTED("ban-respinto", "Proposta di ban respinta."),
    BAN_LIFTED("ban-revocato", "Ban revocato: l'autore sarà sbloccato sul canale."),
    LOGGED_OUT("uscito", "Sei uscito dalla console.");

    private final String code;
    private final String text;

    Outcome(String code, String text) {
        this.code = code;
        this.text = text;
    }

    String code() {
        return code;
    }

    String text() {
        return text;
    }

    static Optional<Outcome> of(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
    }
}
