package it.sportello.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The builder escapes every value and takes no markup from anywhere but its own names. */
class HtmlTest {

    @Test
    void textAndAttributeValuesAreEscaped() {
        Html h = new Html().element("p", "<script>alert('x')</script> & \"co\"", "title", "\"><img src=x onerror=alert(1)>");
        assertThat(h.toString()).isEqualTo("<p title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">"
                + "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;</p>");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void namesMustBeNamesSoNoMarkupCanComeThroughThem() {
        assertThatThrownBy(() -> new Html().open("p onclick=alert(1)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Html().empty("input", "type=\"x\" onfocus", "y"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Html().open("P")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Html().open("p", "class")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linksAreHttpOrOurOwnPaths() {
        assertThat(new Html().link("javascript:alert(1)", "x").toString()).isEqualTo("<a href=\"#\">x</a>");
        assertThat(new Html().link(" javascript:alert(1)", "x").toString()).isEqualTo("<a href=\"#\">x</a>");
        assertThat(new Html().link("data:text/html,<script>", "x").toString()).isEqualTo("<a href=\"#\">x</a>");
        assertThat(new Html().link("//evil.example/", "x").toString()).isEqualTo("<a href=\"#\">x</a>");
        assertThat(new Html().link("/\\evil.example/", "x").toString()).isEqualTo("<a href=\"#\">x</a>");
        assertThat(new Html().link("https://www.ats-milano.it/a?b=1&c=2", "x").toString())
                .isEqualTo("<a href=\"https://www.ats-milano.it/a?b=1&amp;c=2\">x</a>");
        assertThat(new Html().link("/console/ats-milano/queue", "x").toString())
                .isEqualTo("<a href=\"/console/ats-milano/queue\">x</a>");
    }

    @Test
    void elementsMustBeClosedInOrder() {
        assertThatThrownBy(() -> new Html().open("div").open("p").close("div")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Html().open("div").document()).isInstanceOf(IllegalStateException.class);
        assertThat(new Html().open("div").element("span", "a").close("div").document())
                .isEqualTo("<!DOCTYPE html>\n<div><span>a</span></div>");
    }

    @Test
    void nullAttributesAreLeftOut() {
        assertThat(new Html().empty("option", "value", "a", "selected", null).toString()).isEqualTo("<option value=\"a\">");
    }
}
