package it.sportello.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reply text with {@code {placeholders}}, checked against the known names when it is read. */
public record Template(String text) {

    /** Every placeholder a template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of(
            "agency", "site", "urp", "summary", "title", "url", "hours", "next", "age");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final Pattern SPACE_BEFORE_NEWLINE = Pattern.compile("[ \\t]+\\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    public Template {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty reply template");
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "} in reply template; known: "
                        + PLACEHOLDERS.stream().sorted().toList());
            }
        }
    }

    @JsonCreator
    public static Template of(String text) {
        return new Template(text);
    }

    @JsonValue
    public String text() {
        return text;
    }

    /** Fills the placeholders; one without a value is left out, with the space before it. */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        String filled = SPACE_BEFORE_NEWLINE.matcher(out).replaceAll("\n");
        return BLANK_LINES.matcher(filled).replaceAll("\n\n").strip();
    }
}
