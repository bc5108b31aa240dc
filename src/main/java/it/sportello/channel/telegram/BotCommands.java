package it.sportello.channel.telegram;

import it.sportello.tenant.ModerationHours;
import it.sportello.tenant.TenantConfig;
import java.util.Locale;
import java.util.Optional;

/**
 * The bot's own commands ({@code /start}, {@code /help}, {@code /privacy}, also as {@code /start@NomeBot}) and
 * their fixed Italian answers for one tenant: what the bot does and what it does not. Any other command is
 * ordinary text for the responder.
 */
final class BotCommands {

    private final String start;
    private final String help;
    private final String privacy;

    BotCommands(TenantConfig tenant) {
        String hours = new ModerationHours(tenant.moderation()).describe();
        String limits = "Non posso trattare casi personali (esiti, pratiche, sintomi, la situazione di un familiare) e "
                + "non contatto nessuno in privato, per telefono o per e-mail: per la tua situazione rivolgiti "
                + "all'Ufficio Relazioni con il Pubblico (URP): " + tenant.urp() + "\n"
                + "In caso di emergenza chiama subito il 112. Per problemi di salute non urgenti di notte e nei "
                + "festivi chiama il 116117.";
        this.start = "Ciao! Sono l'assistente automatico di " + tenant.name() + " su Telegram.\n\n"
                + "Rispondo a domande di carattere generale sui servizi (per esempio: come si cambia il medico, "
                + "come si prenota una visita, dove si fanno le vaccinazioni) con un link alla pagina del sito "
                + tenant.site() + " dove trovi i dettagli.\n\n"
                + limits + "\n\n"
                + "Le domande a cui non so rispondere passano alla redazione, in servizio " + hours + ".\n\n"
                + "Scrivi pure la tua domanda. /help per l'aiuto, /privacy per sapere come trattiamo i messaggi.";
        this.help = "Come posso aiutarti: scrivimi una domanda generale in italiano, in poche parole (per esempio "
                + "\"come si rinnova la tessera sanitaria?\"). Ti rispondo con una sintesi e il link alla pagina di "
                + tenant.site() + ".\n\n"
                + limits + "\n\n"
                + "La redazione di " + tenant.name() + " è in servizio " + hours + ". Nei gruppi i messaggi che non "
                + "rispettano le regole (insulti, pubblicità, dati personali) vengono cancellati.";
        this.privacy = "Come trattiamo i tuoi messaggi.\n\n"
                + "Conserviamo il testo di ciò che scrivi al bot, il tuo identificativo numerico di Telegram, la data e "
                + "la risposta data, per " + tenant.retentionDays() + " giorni: poi li cancelliamo. Prima di salvare "
                + "un messaggio togliamo i dati personali che riconosciamo (numeri di telefono, indirizzi e-mail, "
                + "codici fiscali, numeri di tessera sanitaria, indirizzi, IBAN). Nei gruppi un messaggio con dati "
                + "personali viene cancellato.\n\n"
                + "I messaggi sono letti dalla redazione di " + tenant.name() + " solo quando serve: domande senza "
                + "risposta, segnalazioni, moderazione. Non scrivere qui dati personali o sulla tua salute.\n\n"
                + "Titolare del trattamento: " + tenant.name() + " (" + tenant.site() + "). Per esercitare i tuoi "
                + "diritti o per informazioni rivolgiti all'URP: " + tenant.urp();
    }

    /** The fixed answer when {@code text} is one of our commands, optionally addressed as {@code /cmd@NomeBot}. */
    Optional<String> answer(String text) {
        String first = text.strip().split("\\s+", 2)[0];
        if (!first.startsWith("/")) {
            return Optional.empty();
        }
        int at = first.indexOf('@');
        String command = (at < 0 ? first : first.substring(0, at)).toLowerCase(Locale.ROOT);
        return switch (command) {
            case "/start" -> Optional.of(start);
            case "/help", "/aiuto" -> Optional.of(help);
            case "/privacy" -> Optional.of(privacy);
            default -> Optional.empty();
        };
    }
}
