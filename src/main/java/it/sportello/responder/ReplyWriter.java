package it.sportello.responder;

import it.sportello.contract.Action;
import it.sportello.contract.Reason;
import it.sportello.contract.Sanction;
import it.sportello.kb.Section;
import it.sportello.tenant.Replies;
import it.sportello.tenant.Template;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fills the tenant's Italian templates; only configuration and section text ever reach a reply. */
final class ReplyWriter {

    String write(TenantRuntime tenant, Action action, List<Reason> reasons, Sanction sanction,
                 Optional<Section> section, Instant at) {
        Replies r = tenant.config().replies();
        Map<String, String> values = values(tenant, section, at);
        String main = switch (action) {
            case ANSWER -> r.answer().render(values);
            case ESCALATE -> r.escalate().render(values);
            case IGNORE -> r.courtesy().render(values);
            case EMERGENCY -> r.emergency().render(values);
            case MODERATE -> moderation(r, sanction).render(values);
            case REDIRECT -> redirect(r, reasons, section).render(values);
            case ERROR -> "";
        };
        if (action == Action.REDIRECT && reasons.contains(Reason.PERSONAL_CASE) && !reasons.contains(Reason.MINOR)
                && section.isPresent()) {
            main = main + "\n" + r.generalInfo().render(values);
        }
        // Out of hours, what only a moderator can do waits: the citizen is told when they are back.
        boolean waitsForModerator = action == Action.ESCALATE || action == Action.EMERGENCY;
        if (waitsForModerator && reasons.contains(Reason.OUT_OF_HOURS)) {
            main = main + "\n" + r.outOfHours().render(values);
        }
        return main;
    }

    private static Template moderation(Replies r, Sanction sanction) {
        return switch (sanction) {
            case NONE -> r.moderate();
            case WARNING -> r.warning();
            case BAN_PROPOSED -> r.banProposed();
        };
    }

    private static Template redirect(Replies r, List<Reason> reasons, Optional<Section> section) {
        if (reasons.contains(Reason.MINOR)) {
            return r.minor();
        }
        if (reasons.contains(Reason.CONTACT_REQUEST)) {
            return r.contactRequest();
        }
        return r.personalCase();
    }

    private static Map<String, String> values(TenantRuntime tenant, Optional<Section> section, Instant at) {
        Map<String, String> v = new HashMap<>();
        v.put("agency", tenant.config().name());
        v.put("site", tenant.config().site().toString());
        v.put("urp", tenant.config().urp().toString());
        v.put("age", Integer.toString(tenant.config().minimumAge()));
        v.put("hours", tenant.hours().describe());
        v.put("next", tenant.hours().describeOpening(tenant.hours().nextOpening(at)));
        section.ifPresent(s -> {
            v.put("summary", s.summary());
            v.put("title", s.title());
            v.put("url", s.url().toString());
        });
        return v;
    }
}
