package it.sportello.console;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The console's one way of writing HTML. Text and attribute values are always escaped; tag and attribute
 * names must look like names, so no caller can slip markup through them; and there is no method for raw
 * markup at all. Citizen text (already redacted, but written by anyone) can thus only ever appear as text.
 * Links accept only http(s) and same-site paths, so a section url cannot become {@code javascript:}.
 */
final class Html {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern SAFE_URL = Pattern.compile("(?i)(https?://[^\\s]+|/(?![/\\\\])[^\\s\\\\]*|\\?[^\\s]*|#[A-Za-z0-9_-]*)");
    private static final java.util.Set<String> URL_ATTRIBUTES = java.util.Set.of("href", "src", "action");

    private final StringBuilder out = new StringBuilder(4096);
    private final Deque<String> open = new ArrayDeque<>();

    /** {@code text} with the five characters that matter in HTML replaced by entities; null is empty. */
    static String escape(String text) {
        return text == null ? "" : it.sportello.web.Html.escape(text);
    }

    /** Opens {@code tag}; {@code attributes} are name, value pairs (a null value leaves the attribute out). */
    Html open(String tag, String... attributes) {
        startTag(tag, attributes);
        open.push(tag);
        return this;
    }

    /** Closes the innermost open element, which must be {@code tag}. */
    Html close(String tag) {
        String top = open.poll();
        if (!tag.equals(top)) {
            throw new IllegalStateException("closing <" + tag + "> but <" + top + "> is open");
        }
        out.append("</").append(tag).append('>');
        return this;
    }

    /** {@code <tag attributes>text</tag>}. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** A void element ({@code input}, {@code meta}, {@code link}, {@code br}). */
    Html empty(String tag, String... attributes) {
        startTag(tag, attributes);
        return this;
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    Html link(String href, String text, String... more) {
        String[] attributes = new String[more.length + 2];
        attributes[0] = "href";
        attributes[1] = href;
        System.arraycopy(more, 0, attributes, 2, more.length);
        return element("a", text, attributes);
    }

    /** Another builder's content, already safe by construction. */
    Html append(Html fragment) {
        if (!fragment.open.isEmpty()) {
            throw new IllegalStateException("fragment has <" + fragment.open.peek() + "> still open");
        }
        out.append(fragment.out);
        return this;
    }

    /** The document; every element must be closed. */
    String document() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("<" + open.peek() + "> is still open");
        }
        return "<!DOCTYPE html>\n" + out;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void startTag(String tag, String... attributes) {
        requireName(tag);
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            String name = attributes[i];
            String value = attributes[i + 1];
            requireName(name);
            if (value == null) {
                continue;
            }
            if (URL_ATTRIBUTES.contains(name) && !SAFE_URL.matcher(value).matches()) {
                value = "#";
            }
            out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
        }
        out.append('>');
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches() || !name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("not a tag or attribute name: " + name);
        }
    }
}
