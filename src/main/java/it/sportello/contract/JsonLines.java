package it.sportello.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Predicate;

/** Reads contract messages from JSON and writes decisions as JSON, one object a line. */
public final class JsonLines {

    private final ObjectMapper json = new ObjectMapper();
    private final Predicate<String> knownTenant;
    private final Clock clock;

    public JsonLines(Predicate<String> knownTenant, Clock clock) {
        this.knownTenant = knownTenant;
        this.clock = clock;
    }

    /** Parses one line; {@code lineNumber} names lines that carry no id. */
    public ParsedLine parse(String line, long lineNumber) {
        String fallbackId = "line-" + lineNumber;
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            return new ParsedLine.Invalid(fallbackId, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return new ParsedLine.Invalid(fallbackId, "not a JSON object");
        }
        String id = text(node, "id").orElse(fallbackId);
        Optional<String> text = text(node, "text");
        if (text.isEmpty()) {
            return new ParsedLine.Invalid(id, "missing field 'text'");
        }
        Optional<String> tenant = text(node, "tenant");
        if (tenant.isEmpty()) {
            return new ParsedLine.Invalid(id, "missing field 'tenant'");
        }
        if (!knownTenant.test(tenant.get())) {
            return new ParsedLine.Invalid(id, "unknown tenant '" + tenant.get() + "'");
        }
        String channelName = text(node, "channel").orElse(Channel.CLI.wire());
        Optional<Channel> channel = WireName.parse(Channel.class, channelName);
        if (channel.isEmpty()) {
            return new ParsedLine.Invalid(id, "unknown channel '" + channelName + "'");
        }
        String kindName = text(node, "kind").orElse(Kind.MESSAGE.wire());
        Optional<Kind> kind = WireName.parse(Kind.class, kindName);
        if (kind.isEmpty()) {
            return new ParsedLine.Invalid(id, "unknown kind '" + kindName + "'");
        }
        OffsetDateTime time;
        try {
            time = text(node, "time").map(OffsetDateTime::parse).orElseGet(() -> OffsetDateTime.now(clock));
        } catch (DateTimeParseException e) {
            return new ParsedLine.Invalid(id, "time is not ISO-8601 with an offset: '" + node.get("time").asText() + "'");
        }
        String author = text(node, "author").orElse(channel.get().wire() + ":anonymous");
        return new ParsedLine.Valid(new Message(id, tenant.get(), channel.get(), kind.get(), author, time, text.get()));
    }

    /** The decision as one line of JSON, fields in the contract's order. */
    public String write(Decision d) {
        ObjectNode out = json.createObjectNode();
        out.put("id", d.id());
        out.put("action", d.action().wire());
        ArrayNode reasons = out.putArray("reasons");
        d.reasons().forEach(r -> reasons.add(r.wire()));
        out.put("hide", d.hide());
        out.put("sanction", d.sanction().wire());
        ArrayNode sections = out.putArray("sections");
        for (SectionRef s : d.sections()) {
            sections.addObject().put("id", s.id()).put("title", s.title()).put("url", s.url())
                    .put("score", Math.round(s.score() * 1000) / 1000.0);
        }
        out.put("reply", d.reply());
        out.put("confidence", Math.round(d.confidence() * 1000) / 1000.0);
        if (!d.evidence().signals().isEmpty()) {
            out.set("evidence", EvidenceJson.write(d.evidence()));
        }
        d.error().ifPresent(e -> out.put("error", e));
        try {
            return json.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a decision", e);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? Optional.empty() : Optional.of(v.asText());
    }
}
