package it.sportello.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code expect} object of an evaluation case; a single value where a list is allowed is a list of one. */
record Expectation(List<String> actions, List<String> sections, List<String> reasons, List<String> reasonsAbsent,
                   Optional<Boolean> hide, Optional<List<String>> sanction, List<String> replyHas,
                   List<String> replyLacks) {

    static Expectation of(JsonNode e) {
        return new Expectation(list(e.get("action")), list(e.get("sections")), list(e.get("reasons")),
                list(e.get("reasons_absent")),
                e.hasNonNull("hide") ? Optional.of(e.get("hide").asBoolean()) : Optional.empty(),
                e.has("sanction") ? Optional.of(list(e.get("sanction"))) : Optional.empty(),
                list(e.get("reply_has")), list(e.get("reply_lacks")));
    }

    private static List<String> list(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        } else {
            out.add(n.asText());
        }
        return out;
    }
}
