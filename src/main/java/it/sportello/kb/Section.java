package it.sportello.kb;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One knowledge-base section: the answer to a family of general questions and the page of the agency's
 * site that has the details. {@code summary} is the plain text of the body's first paragraph (what a
 * reply quotes); {@code text} the plain text of the whole body.
 */
public record Section(String id, String title, URI url, List<String> keywords, List<String> questions,
                      LocalDate reviewed, String summary, String text, Path source) {

    public Section {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        keywords = List.copyOf(keywords);
        questions = List.copyOf(questions);
        Objects.requireNonNull(reviewed, "reviewed");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }
}
