package it.sportello.eval;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line of an evaluation file: the message as written and what is expected of its decision; {@code group}
 * names the case's group when the file sets it (as score.py reads it), otherwise it follows from the expectation.
 */
record EvalCase(String id, String text, String lang, String group, String line, Expectation expect) {

    static EvalCase of(JsonNode node, String line) {
        if (!node.hasNonNull("expect") || !node.get("expect").isObject()) {
            throw new IllegalArgumentException("case " + node.path("id").asText("?") + " has no 'expect' object");
        }
        return new EvalCase(node.path("id").asText(), node.path("text").asText(""),
                node.path("lang").asText(""), node.path("group").asText(""), line, Expectation.of(node.get("expect")));
    }
}
