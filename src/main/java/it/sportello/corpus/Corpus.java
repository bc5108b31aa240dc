package it.sportello.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.contract.Reason;
import it.sportello.corpus.CorpusMessage.Topic;
import it.sportello.guard.GuardClass;
import it.sportello.tenant.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The corpus under a folder: {@code train/*.jsonl} to learn from, {@code validation/*.jsonl} to choose
 * thresholds on, files read in name order. A line is either a corpus line ({@code labels}, {@code section},
 * optionally {@code known}) or an evaluation case ({@code expect}, the format of {@code shared/eval/}), so that a
 * blind set, once scored, is retired into training as it is. {@code fingerprint} names the exact content.
 */
public record Corpus(List<CorpusMessage> train, List<CorpusMessage> validation, String fingerprint) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Corpus {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
    }

    public static Corpus load(Path dir) {
        MessageDigest digest = sha256();
        List<CorpusMessage> train = read(dir.resolve("train"), digest);
        List<CorpusMessage> validation = read(dir.resolve("validation"), digest);
        if (train.isEmpty()) {
            throw new ConfigException("the corpus in " + dir + " has no training message (train/*.jsonl)");
        }
        return new Corpus(train, validation, HexFormat.of().formatHex(digest.digest(), 0, 8));
    }

    private static List<CorpusMessage> read(Path dir, MessageDigest digest) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        List<CorpusMessage> out = new ArrayList<>();
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
            }
            digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                digest.update(line.getBytes(StandardCharsets.UTF_8));
                try {
                    out.add(parse(JSON.readTree(line)));
                } catch (IOException | IllegalArgumentException e) {
                    throw new ConfigException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    static CorpusMessage parse(JsonNode n) {
        String id = required(n, "id");
        String tenant = required(n, "tenant");
        String text = required(n, "text");
        String lang = n.path("lang").asText("it");
        if (n.has("expect") && !n.has("labels")) {
            return fromExpectation(id, tenant, lang, text, n.get("expect"));
        }
        Set<GuardClass> labels = classes(n.path("labels"), "label");
        Set<GuardClass> known = n.has("known") ? classes(n.get("known"), "known class") : EnumSet.allOf(GuardClass.class);
        JsonNode section = n.get("section");
        Optional<Topic> topic = section == null || section.isNull() ? Optional.empty()
                : Optional.of(section.asText().equals("-") ? Topic.uncovered() : Topic.of(section.asText()));
        return new CorpusMessage(id, tenant, lang, text, derived(labels, topic), withAggregate(labels, known), topic);
    }

    /** The section every agency has for complaints, praise and reports: its questions train {@link GuardClass#COMPLAINT}. */
    public static final String URP = "urp";

    /** The labels, with the classes that follow from them: the URP's section, any violation. */
    private static Set<GuardClass> derived(Set<GuardClass> labels, Optional<Topic> topic) {
        Set<GuardClass> out = labels.isEmpty() ? EnumSet.noneOf(GuardClass.class) : EnumSet.copyOf(labels);
        if (topic.flatMap(Topic::section).filter(URP::equals).isPresent()) {
            out.add(GuardClass.COMPLAINT);
        }
        if (labels.stream().anyMatch(Corpus::isViolation)) {
            out.add(GuardClass.VIOLATION);
        }
        return out;
    }

    /** Whether the line says anything of {@link GuardClass#VIOLATION}: it shows one, or it is known free of all. */
    private static Set<GuardClass> withAggregate(Set<GuardClass> labels, Set<GuardClass> known) {
        boolean allKnown = GuardClass.netiquette().stream().filter(Corpus::isViolation).allMatch(known::contains);
        boolean positive = labels.stream().anyMatch(c -> isViolation(c) && known.contains(c));
        if (!allKnown && !positive) {
            return known;
        }
        Set<GuardClass> out = EnumSet.copyOf(known);
        out.add(GuardClass.VIOLATION);
        return out;
    }

    private static boolean isViolation(GuardClass c) {
        return c.family() == GuardClass.Family.NETIQUETTE && c != GuardClass.OFF_TOPIC;
    }

    /** What an evaluation case says of its text: the guard classes of its reasons, courtesy for ignore, its section. */
    private static CorpusMessage fromExpectation(String id, String tenant, String lang, String text, JsonNode e) {
        List<String> actions = new ArrayList<>();
        JsonNode action = e.path("action");
        if (action.isArray()) {
            action.forEach(a -> actions.add(a.asText()));
        } else if (!action.isMissingNode()) {
            actions.add(action.asText());
        }
        Set<GuardClass> labels = EnumSet.noneOf(GuardClass.class);
        e.path("reasons").forEach(r -> GuardClass.of(Reason.fromWire(r.asText())).ifPresent(labels::add));
        if (actions.equals(List.of("emergency"))) {
            labels.add(GuardClass.EMERGENCY);
        }
        if (actions.contains("ignore") && labels.isEmpty()) {
            labels.add(GuardClass.COURTESY);
        }
        Optional<Topic> topic = Optional.empty();
        JsonNode sections = e.path("sections");
        if (actions.contains("answer") && sections.isArray() && !sections.isEmpty()) {
            topic = Optional.of(Topic.of(sections.get(0).asText()));
        } else if (actions.contains("escalate") && !actions.contains("answer") && labels.isEmpty()) {
            topic = Optional.of(Topic.uncovered());
        }
        return new CorpusMessage(id, tenant, lang, text, derived(labels, topic), EnumSet.allOf(GuardClass.class), topic);
    }

    private static Set<GuardClass> classes(JsonNode array, String what) {
        Set<GuardClass> out = EnumSet.noneOf(GuardClass.class);
        for (JsonNode l : array) {
            if (l.asText().equals("personal_data")) {
                continue; // found by code, not learned
            }
            out.add(GuardClass.ofLabel(l.asText())
                    .orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + l.asText() + "'")));
        }
        return out;
    }

    private static String required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing text field '" + field + "'");
        }
        return v.asText();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
