package it.sportello.kb;

import java.util.List;
import java.util.Optional;

/** The sections of one tenant that could be loaded, and the problems of those that could not. */
public record KnowledgeBase(String tenant, List<Section> sections, List<Problem> problems) {

    public KnowledgeBase {
        sections = List.copyOf(sections);
        problems = List.copyOf(problems);
    }

    public Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
