package it.sportello.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML page under {@code /web/templates/} on the classpath with {@code {{name}}} placeholders. Values are
 * {@link Html}, so whatever was text is escaped by the time it is filled in; a placeholder without a value is
 * a programming error and fails loudly rather than leaving braces on a citizen's screen.
 */
final class PageTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private final String name;
    private final String text;

    PageTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static PageTemplate load(String name) {
        String path = "/web/templates/" + name;
        try (InputStream in = PageTemplate.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing template " + path);
            }
            return new PageTemplate(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + path, e);
        }
    }

    String render(Map<String, Html> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 512);
        while (m.find()) {
            Html value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("template " + name + ": no value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.markup()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
