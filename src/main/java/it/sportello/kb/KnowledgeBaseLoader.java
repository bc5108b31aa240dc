package it.sportello.kb;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads {@code knowledge-base/<tenant>/*.md}. A file that cannot be parsed becomes a {@link Problem}
 * and is left out; every other section is still served.
 */
public final class KnowledgeBaseLoader {

    private final SectionParser parser = new SectionParser();

    public KnowledgeBase load(String tenant, Path dir) {
        List<Section> sections = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(Problem.error(dir, 0, "no knowledge-base folder for tenant " + tenant));
            return new KnowledgeBase(tenant, sections, problems);
        }
        for (Path file : markdownFiles(dir, problems)) {
            String id = file.getFileName().toString().replaceFirst("\\.md$", "");
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                sections.add(parser.parse(id, file, content));
            } catch (SectionFileException e) {
                problems.add(Problem.error(file, e.line(), e.getMessage()));
            } catch (CharacterCodingException e) {
                problems.add(Problem.error(file, 0, "the file is not UTF-8 text"));
            } catch (IOException e) {
                problems.add(Problem.error(file, 0, "cannot read the file: " + e.getMessage()));
            }
        }
        return new KnowledgeBase(tenant, sections, problems);
    }

    private static List<Path> markdownFiles(Path dir, List<Problem> problems) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            problems.add(Problem.error(dir, 0, "cannot list the folder: " + e.getMessage()));
            return List.of();
        }
    }
}
