package it.sportello.guard;

import it.sportello.contract.Action;
import it.sportello.contract.Evidence;
import it.sportello.contract.Evidence.Signal;
import it.sportello.contract.Message;
import it.sportello.contract.Reason;
import it.sportello.contract.Sanction;
import it.sportello.corpus.Corpus;
import it.sportello.learn.Threshold;
import it.sportello.tenant.TenantConfig;
import it.sportello.text.NormalizedText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's social media policy applied to a message: the detectors say what the text shows, this
 * class decides what the policy does about it. Precedence, in this one place:
 * <ol>
 *   <li>personal data is masked first: from here on only the redacted text is seen, and a public post
 *       carrying it is hidden whatever else happens;</li>
 *   <li>an emergency goes to 112 at once, before anything else;</li>
 *   <li>a netiquette violation (of the tenant's categories, the author's repeated posts included) is
 *       moderated even if it also asks something: hidden, a warning, a ban proposed at the tenant's
 *       threshold of strikes within its window (only a moderator can carry it out);</li>
 *   <li>a writer below the tenant's age, a request for private contact, a personal case: redirected;</li>
 *   <li>a complaint, praise or report about a service goes to the URP's section, whatever service it is about;</li>
 *   <li>courtesy with nothing to act on is acknowledged;</li>
 *   <li>otherwise retrieval answers, with {@code personal_data} among the reasons when it applies.</li>
 * </ol>
 * {@link #inspect} is a pure function of the message and the author's history so far: it only reads strikes
 * and post fingerprints. {@link #remember} records them once the decision is taken (in the intake's transaction).
 */
public final class PolicyGuard implements Guard {

    private static final List<GuardClass> REDIRECTS = List.of(GuardClass.MINOR, GuardClass.CONTACT_REQUEST, GuardClass.PERSONAL_CASE);

    private final GuardDetectors detectors;
    private final StrikeStore strikes;
    private final PostHistory posts;

    public PolicyGuard(GuardDetectors detectors, StrikeStore strikes, PostHistory posts) {
        this.detectors = detectors;
        this.strikes = strikes;
        this.posts = posts;
    }

    @Override
    public Verdict inspect(Message message, TenantConfig tenant, boolean redactedBefore) {
        NormalizedText normalized = detectors.normalizer().normalize(message.text());
        Redaction redaction = detectors.personalData().redact(normalized);
        NormalizedText seen = detectors.forDetection(redaction, normalized);
        Text text = Text.of(seen.folded());
        Findings findings = detectors.find(text, seen, tenant.minimumAge(), message.time().getYear());

        boolean personalData = redaction.any() || redactedBefore;
        boolean isPublic = message.kind().isPublic();
        boolean hideData = personalData && isPublic;
        List<Reason> dataReason = personalData ? List.of(Reason.PERSONAL_DATA) : List.of();
        Instant at = message.time().toInstant();
        Verdicts v = new Verdicts(redaction.text(), findings);

        if (findings.fired(GuardClass.EMERGENCY)) {
            return v.of(Action.EMERGENCY, with(List.of(Reason.EMERGENCY), dataReason), hideData, Sanction.NONE,
                    List.of(GuardClass.EMERGENCY), List.of());
        }
        Set<Reason> violations = EnumSet.noneOf(Reason.class);
        List<GuardClass> violated = new ArrayList<>();
        for (GuardClass c : GuardClass.netiquette()) {
            if (findings.fired(c) && moderates(tenant, c)) {
                violations.add(c.reason().orElseThrow());
                violated.add(c);
            }
        }
        if (violations.isEmpty() && findings.fired(GuardClass.VIOLATION)) {
            // a violation is sure, none of its kinds alone: the kind nearest its own threshold names it
            GuardClass.netiquette().stream().filter(c -> c != GuardClass.OFF_TOPIC && moderates(tenant, c))
                    .max(java.util.Comparator.comparingDouble(c -> findings.of(c).score() / findings.of(c).threshold()))
                    .ifPresent(c -> {
                        violations.add(c.reason().orElseThrow());
                        violated.add(GuardClass.VIOLATION);
                        violated.add(c);
                    });
        }
        List<Signal> repeated = new ArrayList<>();
        if (tenant.moderationCategories().contains(Reason.REPEATED)) {
            int before = posts.count(tenant.id(), message.author(), fingerprint(text), at,
                    Duration.ofHours(tenant.repeated().windowHours()));
            if (before + 1 >= tenant.repeated().count()) {
                violations.add(Reason.REPEATED);
                repeated.add(Signal.rule("repeated", "post history").withDetail((before + 1) + " copies within "
                        + tenant.repeated().windowHours() + " hours"));
            }
        }
        if (!violations.isEmpty()) {
            int before = strikes.count(tenant.id(), message.author(), at, Duration.ofDays(tenant.strikes().windowDays()));
            Sanction sanction = before + 1 >= tenant.strikes().threshold() ? Sanction.BAN_PROPOSED : Sanction.WARNING;
            return v.of(Action.MODERATE, with(new ArrayList<>(violations), dataReason), isPublic, sanction, violated, repeated);
        }
        List<Reason> redirect = new ArrayList<>();
        List<GuardClass> redirected = new ArrayList<>();
        for (GuardClass c : REDIRECTS) {
            if (findings.fired(c)) {
                redirect.add(c.reason().orElseThrow());
                redirected.add(c);
            }
        }
        if (!redirect.isEmpty()) {
            return v.of(Action.REDIRECT, with(redirect, dataReason), hideData, Sanction.NONE, redirected, List.of());
        }
        if (findings.fired(GuardClass.COMPLAINT)) {
            return v.routed(Corpus.URP, dataReason, hideData);
        }
        if (findings.fired(GuardClass.COURTESY)) {
            return v.of(Action.IGNORE, dataReason, hideData, Sanction.NONE, List.of(GuardClass.COURTESY), List.of());
        }
        return new Verdict(redaction.text(), Optional.empty(), dataReason, hideData, Sanction.NONE,
                new Evidence(v.language()), findings.language(), Optional.empty());
    }

    /**
     * Records what the decision on {@code message} adds to its author's history: a strike when it was moderated,
     * and the post's fingerprint where the tenant moderates repeated posts.
     */
    @Override
    public void remember(Message message, TenantConfig tenant, Action action) {
        Instant at = message.time().toInstant();
        if (tenant.moderationCategories().contains(Reason.REPEATED)) {
            posts.record(tenant.id(), message.author(), fingerprint(Text.of(detectors.read(message.text()).folded())), at);
        }
        if (action == Action.MODERATE) {
            strikes.record(tenant.id(), message.author(), at);
        }
    }

    private static boolean moderates(TenantConfig tenant, GuardClass c) {
        return tenant.moderationCategories().contains(c.reason().orElseThrow());
    }

    private static List<Reason> with(List<Reason> head, List<Reason> rest) {
        List<Reason> all = new ArrayList<>(head);
        all.addAll(rest);
        return all;
    }

    /** Verdicts with the evidence of the classes that settled them. */
    private record Verdicts(String text, Findings findings) {
        Verdict of(Action action, List<Reason> reasons, boolean hide, Sanction sanction, List<GuardClass> why,
                   List<Signal> more) {
            List<Signal> signals = new ArrayList<>();
            for (GuardClass c : why) {
                signals.addAll(evidence(findings.of(c)));
            }
            signals.addAll(more);
            signals.addAll(language());
            return new Verdict(text, Optional.of(action), reasons, hide, sanction, new Evidence(signals), findings.language(),
                    Optional.empty());
        }

        Verdict routed(String section, List<Reason> reasons, boolean hide) {
            List<Signal> signals = new ArrayList<>(evidence(findings.of(GuardClass.COMPLAINT)));
            signals.addAll(language());
            return new Verdict(text, Optional.empty(), reasons, hide, Sanction.NONE, new Evidence(signals), findings.language(),
                    Optional.of(new Verdict.Route(section, findings.of(GuardClass.COMPLAINT).score())));
        }

        List<Signal> language() {
            return findings.language().equals("und") ? List.of()
                    : List.of(new Signal("language", findings.language(), java.util.OptionalDouble.of(findings.languageScore()),
                            java.util.OptionalDouble.empty(), Optional.empty()));
        }
    }

    /** A finding as evidence: the rule that matched, and the model's score against its threshold. */
    static List<Signal> evidence(Finding f) {
        List<Signal> out = new ArrayList<>(2);
        f.rule().ifPresent(r -> out.add(Signal.rule(f.guardClass().label(), r)));
        if (f.threshold() < 1) {
            out.add(Signal.score(f.guardClass().label(), "model", f.score(), f.threshold()));
        }
        return out;
    }

    /** The same words in the same order, whatever the case, accents and punctuation: a hash, never the text. */
    static String fingerprint(Text text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.plain().strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
