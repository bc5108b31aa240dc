package it.sportello.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Evidence as JSON: {@code [{"about":"emergency","by":"model","score":0.93,"threshold":0.4}, ...]}. */
public final class EvidenceJson {

    private EvidenceJson() {
    }

    public static ArrayNode write(Evidence evidence) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Evidence.Signal s : evidence.signals()) {
            ObjectNode o = out.addObject().put("about", s.about()).put("by", s.by());
            s.score().ifPresent(v -> o.put("score", Math.round(v * 1000) / 1000.0));
            s.threshold().ifPresent(v -> o.put("threshold", Math.round(v * 1000) / 1000.0));
            s.detail().ifPresent(d -> o.put("detail", d));
        }
        return out;
    }

    public static Evidence read(JsonNode array) {
        if (array == null || !array.isArray()) {
            return Evidence.NONE;
        }
        List<Evidence.Signal> signals = new ArrayList<>();
        for (JsonNode s : array) {
            signals.add(new Evidence.Signal(s.path("about").asText(), s.path("by").asText(),
                    s.has("score") ? OptionalDouble.of(s.get("score").asDouble()) : OptionalDouble.empty(),
                    s.has("threshold") ? OptionalDouble.of(s.get("threshold").asDouble()) : OptionalDouble.empty(),
                    s.has("detail") ? Optional.of(s.get("detail").asText()) : Optional.empty()));
        }
        return new Evidence(signals);
    }
}
