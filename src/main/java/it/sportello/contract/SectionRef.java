package it.sportello.contract;

import java.util.Objects;

/** A knowledge-base section a decision used. */
public record SectionRef(String id, String title, String url, double score) {

    public SectionRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
    }
}
