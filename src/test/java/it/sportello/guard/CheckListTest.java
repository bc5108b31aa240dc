package it.sportello.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.Fixtures;
import it.sportello.app.Sportello;
import it.sportello.contract.Channel;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import it.sportello.contract.Reason;
import it.sportello.contract.WireName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Functional tests per capability, as the CheckList method does (Ribeiro et al., 2020): for each class the plain
 * case, negation, quoting to condemn, questions, obfuscated spellings, threats to people and to buildings,
 * implicit derogation without slurs, each with hard negatives (src/test/resources/checklist/checklist.jsonl,
 * written apart from the corpus, the lexicons and the model, and never trained on). A case passes when the
 * guard's verdict carries the class's reason exactly when the case says the text shows it. Each capability must
 * pass at its family's floor, and every class's plain case higher.
 */
class CheckListTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OffsetDateTime WEDNESDAY_11 = OffsetDateTime.parse("2026-11-25T11:00:00+01:00");

    @Test
    void everyCapabilityHoldsAtItsFloor() throws IOException {
        Sportello sportello = Fixtures.sportello();
        Map<String, int[]> byCapability = new TreeMap<>();
        Map<String, List<String>> misses = new TreeMap<>();
        int n = 0;
        for (String line : Files.readAllLines(Fixtures.resource("checklist/checklist.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode c = JSON.readTree(line);
            String capability = c.get("capability").asText();
            String cls = capability.split("\\.")[0];
            boolean positive = c.get("positive").asBoolean();
            Message m = new Message("cl" + n, c.get("tenant").asText(), Channel.FACEBOOK, Kind.COMMENT, "fb:cl" + n++,
                    WEDNESDAY_11, c.get("text").asText());
            Verdict v = sportello.guard().inspect(m, sportello.tenants().get(m.tenant()), false);
            boolean shown = shows(v, cls);
            int[] counts = byCapability.computeIfAbsent(capability, k -> new int[2]);
            counts[1]++;
            if (shown == positive) {
                counts[0]++;
            } else {
                misses.computeIfAbsent(capability, k -> new ArrayList<>()).add((positive ? "missed: " : "false alarm: ")
                        + c.get("text").asText());
            }
        }
        List<String> below = new ArrayList<>();
        byCapability.forEach((capability, c) -> {
            double rate = (double) c[0] / c[1];
            double floor = floor(capability);
            System.out.printf(Locale.ROOT, "checklist %-34s %3d/%-3d %5.1f%% (floor %.0f%%)%n", capability, c[0], c[1],
                    100 * rate, 100 * floor);
            if (rate < floor) {
                below.add(capability + " " + misses.get(capability));
            }
        });
        assertThat(n).isGreaterThan(800);
        assertThat(below).as("capabilities below their floor").isEmpty();
    }

    private static boolean shows(Verdict v, String cls) {
        if (cls.equals("courtesy")) {
            return v.action().filter(a -> a == it.sportello.contract.Action.IGNORE).isPresent();
        }
        Reason reason = WireName.parse(Reason.class, cls).orElseThrow(() -> new IllegalArgumentException(cls));
        return v.reasons().contains(reason);
    }

    /** Floors a few points under today's figures (docs/guard-model.md), so that a regression fails here. */
    static double floor(String capability) {
        if (FLOORS.containsKey(capability)) {
            return FLOORS.get(capability);
        }
        return capability.endsWith(".plain") ? PLAIN_FLOOR : DEFAULT_FLOOR;
    }

    static final double DEFAULT_FLOOR = 0.45;
    static final double PLAIN_FLOOR = 0.75;
    /** Emergencies lean to recall: their positive capabilities hold higher. */
    static final Map<String, Double> FLOORS = Map.of("emergency.plain", 0.9, "emergency.language", 0.85,
            "emergency.bystander", 0.8, "emergency.obfuscated", 0.85, "emergency.question", 0.8);
}
