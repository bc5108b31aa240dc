package it.sportello.responder;

import it.sportello.contract.Action;
import it.sportello.contract.Decision;
import it.sportello.contract.Evidence;
import it.sportello.contract.Evidence.Signal;
import it.sportello.contract.Message;
import it.sportello.contract.Reason;
import it.sportello.contract.Sanction;
import it.sportello.contract.SectionRef;
import it.sportello.guard.Guard;
import it.sportello.guard.PersonalDataDetector;
import it.sportello.guard.Verdict;
import it.sportello.kb.Section;
import it.sportello.search.Answerability;
import it.sportello.search.Hit;
import it.sportello.search.RetrievalEvidence;
import it.sportello.search.SearchResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a message into a decision: the guard first (what the policy settles, with the redacted text), then
 * retrieval, whose top section answers when the answerability model is at least as sure as the tenant's
 * threshold, and otherwise a moderator takes over. {@code out_of_hours} is reported whenever the message
 * arrived outside the tenant's moderation hours. {@link #decide} is pure; {@link #remember} records what a
 * decision adds to the author's history.
 */
public final class Responder {

    private final Map<String, TenantRuntime> tenants;
    private final Guard guard;
    private final Answerability answerability;
    private final ReplyWriter replies = new ReplyWriter();

    public Responder(Map<String, TenantRuntime> tenants, Guard guard, Answerability answerability) {
        this.tenants = Map.copyOf(tenants);
        this.guard = guard;
        this.answerability = answerability;
    }

    public Decision decide(Message message) {
        return decide(message, false);
    }

    /** {@code redactedBefore}: the text is the store's redacted copy of a message that carried personal data. */
    public Decision decide(Message message, boolean redactedBefore) {
        TenantRuntime tenant = tenants.get(message.tenant());
        if (tenant == null) {
            return Decision.error(message.id(), "unknown tenant '" + message.tenant() + "'");
        }
        Instant at = message.time().toInstant();
        Verdict verdict = guard.inspect(message, tenant.config(), redactedBefore);
        List<Reason> reasons = new ArrayList<>(verdict.reasons());
        if (!tenant.hours().isOpen(at)) {
            reasons.add(Reason.OUT_OF_HOURS);
        }
        Optional<Action> settled = verdict.action();
        if (settled.isPresent() && settled.get() != Action.REDIRECT) {
            return decision(message, tenant, settled.get(), reasons, verdict, List.of(), Optional.empty(), 0,
                    verdict.evidence(), at);
        }
        Optional<Section> routed = verdict.section().flatMap(r -> tenant.index().section(r.section()));
        if (settled.isEmpty() && routed.isPresent()) {
            return decision(message, tenant, Action.ANSWER, reasons, verdict, List.of(new Hit(routed.get(), 0)), routed,
                    verdict.section().orElseThrow().score(), verdict.evidence(), at);
        }
        Retrieved found = retrieve(tenant, verdict.text(), verdict.language());
        Evidence evidence = new Evidence(found.signals()).plus(verdict.evidence().signals());
        if (settled.isPresent()) {
            // a redirect still offers the general information of a section that fits
            return decision(message, tenant, Action.REDIRECT, reasons, verdict, found.confident() ? found.hits() : List.of(),
                    found.confident() ? found.top() : Optional.empty(), found.probability(), evidence, at);
        }
        if (!found.confident()) {
            reasons.add(0, Reason.LOW_CONFIDENCE);
            return decision(message, tenant, Action.ESCALATE, reasons, verdict, found.hits(), Optional.empty(),
                    found.probability(), evidence, at);
        }
        return decision(message, tenant, Action.ANSWER, reasons, verdict, found.hits(), found.top(), found.probability(),
                evidence, at);
    }

    /**
     * Decides and remembers at once, for runs whose history lives in memory ({@code ask --jsonl}, {@code eval},
     * {@code chat}): the intake does the two in its transaction instead.
     */
    public Decision decideInTurn(Message message) {
        Decision d = decide(message);
        remember(message, d);
        return d;
    }

    /** Adds to the author's history what {@code decision} means for it (a strike, a post's fingerprint). */
    public void remember(Message message, Decision decision) {
        TenantRuntime tenant = tenants.get(message.tenant());
        if (tenant != null && decision.action() != Action.ERROR) {
            guard.remember(message, tenant.config(), decision.action());
        }
    }

    /** What retrieval found, how sure the answerability model is of its top section, and why. */
    private record Retrieved(SearchResult result, double probability, boolean confident, List<Signal> signals) {
        List<Hit> hits() {
            return result.hits();
        }

        Optional<Section> top() {
            return result.top().map(Hit::section);
        }
    }

    /**
     * Searches the whole text. A message that carried personal data usually says who the writer is before what
     * they ask ("Sono Luca, codice fiscale [***], quanto costa la cartella clinica?"): when the whole text is not
     * confident enough, its closing question gets a second chance.
     */
    private Retrieved retrieve(TenantRuntime tenant, String text, String language) {
        int max = tenant.config().retrieval().maxSections();
        Retrieved whole = judge(tenant, tenant.search(text, max), language);
        if (whole.confident() || !text.contains(PersonalDataDetector.MASK)) {
            return whole;
        }
        return QuestionFocus.of(text).map(q -> judge(tenant, tenant.search(q, max), language))
                .filter(Retrieved::confident).orElse(whole);
    }

    private Retrieved judge(TenantRuntime tenant, SearchResult result, String language) {
        double threshold = tenant.config().retrieval().threshold();
        double p = result.hits().isEmpty() ? 0 : answerability.probability(result.evidence(), language);
        RetrievalEvidence e = result.evidence();
        Signal signal = Signal.score("answerable", "model", p, threshold).withDetail(String.format(Locale.ROOT,
                "%s; coverage %.2f, strong fields %.2f, body %.2f, unknown %.2f, %d terms, second/top %.2f",
                result.top().map(h -> h.section().id()).orElse("no section"), e.coverage(), e.strongShare(), e.bodyShare(),
                e.unknownShare(), e.terms(), e.secondRatio()));
        return new Retrieved(result, p, !result.hits().isEmpty() && p >= threshold, List.of(signal));
    }

    private Decision decision(Message message, TenantRuntime tenant, Action action, List<Reason> reasons, Verdict verdict,
                              List<Hit> hits, Optional<Section> used, double confidence, Evidence evidence, Instant at) {
        Sanction sanction = verdict.sanction();
        String reply = replies.write(tenant, action, reasons, sanction, used, at);
        List<SectionRef> refs = hits.stream()
                .map(h -> new SectionRef(h.section().id(), h.section().title(), h.section().url().toString(), h.score()))
                .toList();
        return new Decision(message.id(), action, reasons, verdict.hide(), sanction, refs, reply,
                Math.max(0, Math.min(1, confidence)), evidence, Optional.empty());
    }
}
