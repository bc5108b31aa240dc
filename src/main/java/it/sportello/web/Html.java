package it.sportello.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A fragment of HTML. Text becomes HTML only through {@link #text}, which escapes it, so a name from the
 * configuration or a path from the request never turns into markup. {@link #escape} is the one escaping
 * of the project: the console's page builder uses it too.
 */
public record Html(String markup) {

    public Html {
        Objects.requireNonNull(markup, "markup");
    }

    static Html text(String text) {
        return new Html(escape(text));
    }

    /** An address for {@code href}: only http and https, anything else becomes {@code fallback}. */
    static Html url(URI uri, String fallback) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return text(scheme.equals("https") || scheme.equals("http") ? uri.toString() : fallback);
    }

    static Html join(List<Html> parts) {
        StringBuilder out = new StringBuilder();
        parts.forEach(p -> out.append(p.markup()));
        return new Html(out.toString());
    }

    /** Escapes the five characters that matter in text and in double- or single-quoted attributes. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
