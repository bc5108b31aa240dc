package it.sportello.console;

import io.javalin.http.Context;
import it.sportello.store.EscalationStore;
import it.sportello.store.QuestionCount;
import it.sportello.tenant.TenantConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /console/{tenant}/questions?days=30}: the questions the bot passed on for low confidence, the
 * most frequent first. What citizens keep asking and the knowledge base does not answer is what curators
 * should write a section for next.
 */
final class QuestionsPage {

    private static final int DEFAULT_DAYS = 30;
    private static final int MAX_DAYS = 365;
    private static final int LIMIT = 100;

    private final EscalationStore escalations;
    private final Layout layout;
    private final Clock clock;

    QuestionsPage(EscalationStore escalations, Layout layout, Clock clock) {
        this.escalations = escalations;
        this.layout = layout;
        this.clock = clock;
    }

    void show(Context ctx, Viewer viewer, TenantConfig tenant) {
        int days = days(ctx.queryParam("days"));
        List<QuestionCount> questions = escalations.lowConfidenceQuestions(tenant.id(),
                clock.instant().minus(Duration.ofDays(days)), LIMIT);
        Html h = new Html();
        h.element("p", "Le domande a cui il bot non ha saputo rispondere con sicurezza e che ha passato a un operatore, "
                + "dalle più frequenti. Sono gli argomenti per cui conviene scrivere una nuova sezione della base di "
                + "conoscenza, o arricchire una sezione esistente con le parole usate dai cittadini.", "class", "intro");
        h.open("form", "method", "get", "action", "/console/" + tenant.id() + "/questions", "class", "filters");
        h.open("p").element("label", "Ultimi giorni", "for", "days")
                .empty("input", "id", "days", "name", "days", "type", "number", "min", "1", "max",
                        Integer.toString(MAX_DAYS), "value", Integer.toString(days))
                .close("p");
        h.open("p").element("button", "Mostra", "type", "submit").close("p");
        h.close("form");
        if (questions.isEmpty()) {
            h.element("p", "Nessuna domanda passata agli operatori per risposta incerta negli ultimi " + days + " giorni.",
                    "class", "empty");
        } else {
            h.open("table", "class", "questions");
            h.element("caption", "Domande senza risposta sicura negli ultimi " + days + " giorni");
            h.open("thead").open("tr").element("th", "Domanda", "scope", "col").element("th", "Volte", "scope", "col")
                    .element("th", "Ultima volta", "scope", "col").close("tr").close("thead").open("tbody");
            for (QuestionCount q : questions) {
                h.open("tr").element("th", q.text(), "scope", "row")
                        .element("td", Integer.toString(q.count()), "class", "number")
                        .element("td", Labels.time(q.lastAsked(), tenant.moderation().zone())).close("tr");
            }
            h.close("tbody").close("table");
        }
        layout.send(ctx, 200, "Domande senza risposta", Optional.of(viewer), Optional.of(tenant), h);
    }

    private static int days(String param) {
        try {
            int d = param == null ? DEFAULT_DAYS : Integer.parseInt(param.strip());
            return Math.max(1, Math.min(MAX_DAYS, d));
        } catch (NumberFormatException e) {
            return DEFAULT_DAYS;
        }
    }
}
