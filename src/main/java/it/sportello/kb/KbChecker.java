package it.sportello.kb;

import it.sportello.tenant.TenantConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The staff's check of a tenant's knowledge base before publishing a change. */
public final class KbChecker {

    public static final int MAX_BODY = 1500;
    public static final int MAX_SUMMARY = 400;
    public static final int MIN_QUESTIONS = 3;

    private final LocalDate today;

    public KbChecker(LocalDate today) {
        this.today = today;
    }

    public List<Problem> check(KnowledgeBase kb, TenantConfig tenant, Path dir) {
        List<Problem> problems = new ArrayList<>(kb.problems());
        Map<String, Section> byId = new HashMap<>();
        Map<String, Section> byTitle = new HashMap<>();
        for (Section s : kb.sections()) {
            String[] lines = lines(s.source());
            if (!s.id().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                problems.add(Problem.error(s.source(), 0, "the file name '" + s.id()
                        + "' is not a valid id: lower-case letters and digits joined by '-'"));
            }
            Section sameId = byId.putIfAbsent(s.id().toLowerCase(Locale.ROOT), s);
            if (sameId != null) {
                problems.add(Problem.error(s.source(), 0, "duplicate id: " + sameId.source().getFileName()
                        + " has the same id"));
            }
            Section sameTitle = byTitle.putIfAbsent(s.title().toLowerCase(Locale.ROOT), s);
            if (sameTitle != null) {
                problems.add(Problem.error(s.source(), SectionParser.lineOf(lines, "title:", lines.length),
                        "duplicate title '" + s.title() + "', also in " + sameTitle.source().getFileName()));
            }
            if (!tenant.domain().equalsIgnoreCase(s.url().getHost())) {
                problems.add(Problem.error(s.source(), SectionParser.lineOf(lines, "url:", lines.length),
                        "url " + s.url() + " is not on the tenant's site " + tenant.domain()));
            }
            checkBody(s, lines, problems);
            if (s.questions().size() < MIN_QUESTIONS) {
                problems.add(Problem.warning(s.source(), SectionParser.lineOf(lines, "questions:", lines.length),
                        "only " + s.questions().size() + " example questions; " + MIN_QUESTIONS + " or more help retrieval"));
            }
            if (s.reviewed().isBefore(today.minusYears(1))) {
                problems.add(Problem.warning(s.source(), SectionParser.lineOf(lines, "reviewed:", lines.length),
                        "last reviewed on " + s.reviewed() + ", more than a year ago: check it against the site"));
            } else if (s.reviewed().isAfter(today)) {
                problems.add(Problem.error(s.source(), SectionParser.lineOf(lines, "reviewed:", lines.length),
                        "review date " + s.reviewed() + " is in the future"));
            }
        }
        Set<String> present = kb.sections().stream().map(Section::id).collect(Collectors.toSet());
        Set<String> broken = kb.problems().stream().map(p -> p.file().getFileName().toString().replaceFirst("\\.md$", ""))
                .collect(Collectors.toSet());
        for (String required : tenant.requiredSections()) {
            if (!present.contains(required) && !broken.contains(required)) {
                problems.add(Problem.error(dir.resolve(required + ".md"), 0,
                        "required section '" + required + "' is missing"));
            }
        }
        problems.sort(Comparator.comparing((Problem p) -> p.file().toString()).thenComparingInt(Problem::line));
        return problems;
    }

    private static void checkBody(Section s, String[] lines, List<Problem> problems) {
        int bodyLine = SectionParser.bodyLine(String.join("\n", lines));
        if (s.text().isBlank()) {
            problems.add(Problem.error(s.source(), bodyLine, "the body is empty: write the answer below the front matter"));
            return;
        }
        if (s.text().length() > MAX_BODY) {
            problems.add(Problem.error(s.source(), bodyLine, "the body is " + s.text().length()
                    + " characters long; at most " + MAX_BODY + " suit a social reply: move details to the site"));
        }
        if (s.summary().isBlank()) {
            problems.add(Problem.error(s.source(), bodyLine,
                    "the body has no opening paragraph for replies to quote (it starts with a list or a heading)"));
        } else if (s.summary().length() > MAX_SUMMARY) {
            problems.add(Problem.warning(s.source(), bodyLine, "the first paragraph is " + s.summary().length()
                    + " characters long; replies quote it whole, keep it under " + MAX_SUMMARY));
        }
    }

    private static String[] lines(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n").split("\n", -1);
        } catch (IOException e) {
            return new String[0];
        }
    }
}
