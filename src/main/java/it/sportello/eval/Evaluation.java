package it.sportello.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.contract.Decision;
import it.sportello.contract.JsonLines;
import it.sportello.contract.Message;
import it.sportello.contract.ParsedLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** Runs an evaluation file through a responder in order, as {@code ask --jsonl} would, and scores it. */
public final class Evaluation {

    private final ObjectMapper json = new ObjectMapper();
    private final JsonLines codec;
    private final Function<Message, Decision> responder;

    public Evaluation(JsonLines codec, Function<Message, Decision> responder) {
        this.codec = codec;
        this.responder = responder;
    }

    /** Scores every case; a line that is not a case is an {@link IllegalArgumentException} naming it. */
    public EvalReport run(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        EvalReport report = new EvalReport();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            EvalCase c;
            try {
                JsonNode node = json.readTree(line);
                c = EvalCase.of(node, line);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not an evaluation case: " + e.getMessage(), e);
            }
            ParsedLine parsed = codec.parse(line, i + 1);
            Decision d = parsed instanceof ParsedLine.Valid v ? responder.apply(v.message())
                    : Decision.error(c.id(), ((ParsedLine.Invalid) parsed).error());
            report.add(c, d);
        }
        return report;
    }
}
