package it.sportello.kb;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/** Turns the text of one section file into a {@link Section}, or says at which line it is broken. */
final class SectionParser {

    private static final String FENCE = "---";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    private final Parser markdown = Parser.builder().build();
    private final TextContentRenderer plain = TextContentRenderer.builder().build();

    /** The front matter as written; every field is checked by {@link #parse}. */
    record FrontMatter(@JsonProperty("title") String title, @JsonProperty("url") String url,
                       @JsonProperty("keywords") List<String> keywords,
                       @JsonProperty("questions") List<String> questions,
                       @JsonProperty("reviewed") LocalDate reviewed) { }

    Section parse(String id, Path source, String content) throws SectionFileException {
        String[] lines = content.replace("\r\n", "\n").split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals(FENCE)) {
            throw new SectionFileException(1, "the file must start with a front matter line '---'");
        }
        int end = 1;
        while (end < lines.length && !lines[end].strip().equals(FENCE)) {
            end++;
        }
        if (end == lines.length) {
            throw new SectionFileException(1, "the front matter opened at line 1 is never closed by '---'");
        }
        FrontMatter fm = readFrontMatter(String.join("\n", java.util.Arrays.copyOfRange(lines, 1, end)));
        int fmLine = 2;
        String title = required(fm.title(), "title", fmLine);
        String url = required(fm.url(), "url", fmLine);
        if (fm.keywords() == null || fm.keywords().stream().allMatch(k -> k == null || k.isBlank())) {
            throw new SectionFileException(fmLine, "missing field 'keywords'");
        }
        if (fm.questions() == null || fm.questions().stream().allMatch(q -> q == null || q.isBlank())) {
            throw new SectionFileException(fmLine, "missing field 'questions'");
        }
        if (fm.reviewed() == null) {
            throw new SectionFileException(fmLine, "missing field 'reviewed' (the date of the last review, YYYY-MM-DD)");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new SectionFileException(lineOf(lines, "url:", end), "url is not a valid address: " + e.getMessage());
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new SectionFileException(lineOf(lines, "url:", end), "url must be an https address, not '" + url + "'");
        }
        String body = String.join("\n", java.util.Arrays.copyOfRange(lines, end + 1, lines.length)).strip();
        Node doc = markdown.parse(body);
        String text = plain.render(doc).strip();
        String summary = firstParagraph(doc);
        return new Section(id, title.strip(), uri, clean(fm.keywords()), clean(fm.questions()), fm.reviewed(),
                summary, text, source);
    }

    /** 1-based line of the closing fence, for rules about the body. */
    static int bodyLine(String content) {
        String[] lines = content.replace("\r\n", "\n").split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals(FENCE)) {
                return i + 2;
            }
        }
        return 1;
    }

    static int lineOf(String[] lines, String prefix, int limit) {
        for (int i = 1; i < Math.min(limit, lines.length); i++) {
            if (lines[i].startsWith(prefix)) {
                return i + 1;
            }
        }
        return 2;
    }

    private FrontMatter readFrontMatter(String text) throws SectionFileException {
        if (text.isBlank()) {
            throw new SectionFileException(2, "the front matter is empty");
        }
        try {
            FrontMatter fm = yaml.readValue(text, FrontMatter.class);
            if (fm == null) {
                throw new SectionFileException(2, "the front matter is empty");
            }
            return fm;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 2 : e.getLocation().getLineNr() + 1;
            throw new SectionFileException(line, describe(e));
        }
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "' (known: title, url, keywords, questions, reviewed)";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f) {
            String field = fieldName((JsonMappingException) e);
            return "'" + f.getValue() + "' is not a valid value for '" + field + "'"
                    + ("reviewed".equals(field) ? " (write the date as YYYY-MM-DD)" : "");
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && !m.getPath().isEmpty()) {
            return "field '" + fieldName(m) + "' has the wrong form (title and url are text, keywords and questions lists)";
        }
        List<String> lines = String.valueOf(e.getOriginalMessage()).lines().map(String::strip).toList();
        String detail = lines.stream().filter(l -> l.startsWith("expected") || l.startsWith("found")).findFirst()
                .map(l -> ": " + l).orElse("");
        return "invalid YAML: " + (lines.isEmpty() ? "" : lines.get(0)) + detail;
    }

    private static String fieldName(JsonMappingException e) {
        return e.getPath().isEmpty() ? "?" : String.valueOf(e.getPath().get(0).getFieldName());
    }

    private String firstParagraph(Node doc) {
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph) {
                return plain.render(n).strip().replaceAll("\\s*\\n\\s*", " ");
            }
        }
        return "";
    }

    private static String required(String value, String field, int line) throws SectionFileException {
        if (value == null || value.isBlank()) {
            throw new SectionFileException(line, "missing field '" + field + "'");
        }
        return value;
    }

    private static List<String> clean(List<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }
}
