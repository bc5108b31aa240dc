package it.sportello.guard;

import it.sportello.contract.Action;
import it.sportello.contract.Message;
import it.sportello.contract.Reason;
import it.sportello.contract.Sanction;
import it.sportello.tenant.TenantConfig;
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
import java.util.OptionalInt;
import java.util.Set;

/**
 * A tenant's social media policy applied to a message: the detectors say what the text shows, this
 * class decides what the policy does about it. Precedence:
 * <ol>
 *   <li>personal data is masked first: from here on only the redacted text is seen, and a public post
 *       carrying it is hidden whatever else happens;</li>
 *   <li>an emergency goes to 112 at once, before anything else;</li>
 *   <li>a netiquette violation (of the tenant's categories, the author's repeated posts included) is
 *       moderated even if it also asks something: hidden, a warning, a ban proposed at the tenant's
 *       threshold of strikes within its window (only a moderator can carry it out);</li>
 *   <li>a writer below the tenant's age, a request for private contact, a personal case: redirected;</li>
 *   <li>otherwise retrieval answers, with {@code personal_data} among the reasons when it applies.</li>
 * </ol>
 */
public final class PolicyGuard implements Guard {

    private final GuardDetectors detectors;
    private final StrikeStore strikes;
    private final PostHistory posts;

    public PolicyGuard(GuardDetectors detectors, StrikeStore strikes, PostHistory posts) {
        this.detectors = detectors;
        this.strikes = strikes;
        this.posts = posts;
    }

    @Override
    public Verdict inspect(Message message, TenantConfig tenant) {
        Redaction redaction = detectors.personalData().redact(message.text());
        Text text = Text.of(redaction.text());
        boolean isPublic = message.kind().isPublic();
        List<Reason> reasons = new ArrayList<>();
        if (redaction.any()) {
            reasons.add(Reason.PERSONAL_DATA);
        }
        boolean hideData = redaction.any() && isPublic;
        Instant at = message.time().toInstant();

        if (detectors.emergency().matches(text)) {
            return verdict(redaction, Action.EMERGENCY, first(Reason.EMERGENCY, reasons), hideData, Sanction.NONE);
        }
        Set<Reason> violations = EnumSet.noneOf(Reason.class);
        violations.addAll(detectors.netiquette().detect(text, tenant.moderationCategories()));
        // only tenants that moderate repeated posts keep a history of them (one write less a message elsewhere)
        if (tenant.moderationCategories().contains(Reason.REPEATED)) {
            int copies = posts.record(tenant.id(), message.author(), fingerprint(text),
                    at, Duration.ofHours(tenant.repeated().windowHours()));
            if (copies >= tenant.repeated().count()) {
                violations.add(Reason.REPEATED);
            }
        }
        if (!violations.isEmpty()) {
            int count = strikes.record(tenant.id(), message.author(), at, Duration.ofDays(tenant.strikes().windowDays()));
            Sanction sanction = count >= tenant.strikes().threshold() ? Sanction.BAN_PROPOSED : Sanction.WARNING;
            List<Reason> all = new ArrayList<>(violations);
            all.addAll(reasons);
            return verdict(redaction, Action.MODERATE, all, isPublic, sanction);
        }
        List<Reason> redirect = new ArrayList<>();
        OptionalInt age = detectors.minor().statedAge(text);
        if (age.isPresent() && age.getAsInt() < tenant.minimumAge()) {
            redirect.add(Reason.MINOR);
        }
        if (detectors.contactRequest().matches(text)) {
            redirect.add(Reason.CONTACT_REQUEST);
        }
        if (detectors.personalCase().matches(text)) {
            redirect.add(Reason.PERSONAL_CASE);
        }
        if (!redirect.isEmpty()) {
            redirect.addAll(reasons);
            return verdict(redaction, Action.REDIRECT, redirect, hideData, Sanction.NONE);
        }
        return new Verdict(redaction.text(), Optional.empty(), reasons, hideData, Sanction.NONE);
    }

    private static Verdict verdict(Redaction r, Action action, List<Reason> reasons, boolean hide, Sanction sanction) {
        return new Verdict(r.text(), Optional.of(action), reasons, hide, sanction);
    }

    private static List<Reason> first(Reason head, List<Reason> rest) {
        List<Reason> all = new ArrayList<>(List.of(head));
        all.addAll(rest);
        return all;
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
