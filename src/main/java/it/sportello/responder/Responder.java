package it.sportello.responder;

import it.sportello.contract.Action;
import it.sportello.contract.Decision;
import it.sportello.contract.Message;
import it.sportello.contract.Reason;
import it.sportello.contract.Sanction;
import it.sportello.contract.SectionRef;
import it.sportello.guard.Guard;
import it.sportello.guard.PersonalDataDetector;
import it.sportello.guard.Verdict;
import it.sportello.kb.Section;
import it.sportello.search.Hit;
import it.sportello.search.SearchResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a message into a decision: guard first (what the policy settles, with the redacted text),
 * then courtesy, then retrieval; below the tenant's confidence threshold a moderator takes over.
 * {@code out_of_hours} is reported whenever the message arrived outside the tenant's moderation hours.
 */
public final class Responder {

    private final Map<String, TenantRuntime> tenants;
    private final Guard guard;
    private final CourtesyDetector courtesy;
    private final ReplyWriter replies = new ReplyWriter();

    public Responder(Map<String, TenantRuntime> tenants, Guard guard, CourtesyDetector courtesy) {
        this.tenants = Map.copyOf(tenants);
        this.guard = guard;
        this.courtesy = courtesy;
    }

    public Decision decide(Message message) {
        TenantRuntime tenant = tenants.get(message.tenant());
        if (tenant == null) {
            return Decision.error(message.id(), "unknown tenant '" + message.tenant() + "'");
        }
        Instant at = message.time().toInstant();
        Verdict verdict = guard.inspect(message, tenant.config());
        List<Reason> reasons = new ArrayList<>(verdict.reasons());
        if (!tenant.hours().isOpen(at)) {
            reasons.add(Reason.OUT_OF_HOURS);
        }
        if (verdict.action().isPresent()) {
            return settledByPolicy(message, tenant, verdict, reasons, at);
        }
        if (courtesy.isCourtesy(verdict.text())) {
            return decision(message, tenant, Action.IGNORE, reasons, verdict, List.of(), Optional.empty(), 0, at);
        }
        SearchResult found = search(tenant, verdict.text());
        List<Hit> hits = found.hits();
        if (hits.isEmpty() || found.confidence() < tenant.config().retrieval().threshold()) {
            reasons.add(0, Reason.LOW_CONFIDENCE);
            return decision(message, tenant, Action.ESCALATE, reasons, verdict, hits, Optional.empty(), found.confidence(), at);
        }
        return decision(message, tenant, Action.ANSWER, reasons, verdict, hits,
                Optional.of(hits.get(0).section()), found.confidence(), at);
    }

    /** Emergency, redirect or moderation: the policy decided; a redirect still offers a fitting section. */
    private Decision settledByPolicy(Message message, TenantRuntime tenant, Verdict verdict, List<Reason> reasons, Instant at) {
        Action action = verdict.action().orElseThrow();
        if (action != Action.REDIRECT) {
            return decision(message, tenant, action, reasons, verdict, List.of(), Optional.empty(), 0, at);
        }
        SearchResult found = search(tenant, verdict.text());
        boolean fits = found.top().isPresent() && found.confidence() >= tenant.config().retrieval().threshold();
        return decision(message, tenant, action, reasons, verdict, fits ? found.hits() : List.of(),
                fits ? Optional.of(found.hits().get(0).section()) : Optional.empty(), found.confidence(), at);
    }

    /**
     * Searches the whole text. A message that carried personal data usually says who the writer is
     * before what they ask ("Sono Luca, codice fiscale [***], quanto costa la cartella clinica?"): when
     * the whole text is not confident enough, its closing question gets a second chance. Other messages
     * do not: on the calibration corpus the second chance answered more off-topic questions than it
     * rescued covered ones.
     */
    private static SearchResult search(TenantRuntime tenant, String text) {
        int max = tenant.config().retrieval().maxSections();
        double threshold = tenant.config().retrieval().threshold();
        SearchResult whole = tenant.index().search(text, max);
        if (whole.confidence() >= threshold || !text.contains(PersonalDataDetector.MASK)) {
            return whole;
        }
        return QuestionFocus.of(text).map(q -> tenant.index().search(q, max))
                .filter(r -> r.confidence() >= threshold).orElse(whole);
    }

    private Decision decision(Message message, TenantRuntime tenant, Action action, List<Reason> reasons, Verdict verdict,
                              List<Hit> hits, Optional<Section> used, double confidence, Instant at) {
        Sanction sanction = verdict.sanction();
        String reply = replies.write(tenant, action, reasons, sanction, used, at);
        List<SectionRef> refs = hits.stream()
                .map(h -> new SectionRef(h.section().id(), h.section().title(), h.section().url().toString(), h.score()))
                .toList();
        return new Decision(message.id(), action, reasons, verdict.hide(), sanction, refs, reply,
                Math.max(0, Math.min(1, confidence)), Optional.empty());
    }
}
