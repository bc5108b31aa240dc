package it.sportello.console;

/**
 * A request the console turns down (403, 404, 409, 429...), with the Italian sentence the user reads.
 * Thrown from anywhere in a handler and rendered as a page by {@link Console}, so that no check can be
 * skipped by forgetting a {@code return}.
 */
final class Refusal extends RuntimeException {

    private final int status;
    private final String back;

    Refusal(int status, String message, String back) {
        super(message, null, false, false);
        this.status = status;
        this.back = back;
    }

    static Refusal forbidden() {
        return new Refusal(403, "Non hai i permessi per questa pagina o per questa azione.", "/console");
    }

    static Refusal notFound() {
        return new Refusal(404, "La pagina richiesta non esiste.", "/console");
    }

    static Refusal badForm() {
        return new Refusal(403, "Il modulo non è valido o è scaduto. Ricarica la pagina e riprova.", "/console");
    }

    int status() {
        return status;
    }

    /** Where the page's link leads back to (a console path). */
    String back() {
        return back;
    }
}
