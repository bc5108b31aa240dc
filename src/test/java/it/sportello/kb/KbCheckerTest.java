package it.sportello.kb;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.Fixtures;
import it.sportello.tenant.TenantConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbCheckerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final KbChecker checker = new KbChecker(TODAY);
    private final TenantConfig tenant = Fixtures.tenantOn("https://www.example-ats.it");

    @TempDir
    Path dir;

    @Test
    void aCleanFixturePasses() {
        KnowledgeBase kb = new KnowledgeBaseLoader().load("fixture", Fixtures.resource("kb/fixture"));

        assertThat(checker.check(kb, tenant, Fixtures.resource("kb/fixture"))).isEmpty();
    }

    @Test
    void theShippedKnowledgeBasesHaveNoErrors() {
        for (TenantConfig t : Fixtures.tenants().all()) {
            Path folder = Path.of("knowledge-base", t.id());
            List<Problem> problems = checker.check(new KnowledgeBaseLoader().load(t.id(), folder), t, folder);
            assertThat(problems).as(t.id()).filteredOn(Problem::isError).isEmpty();
            assertThat(t.requiredSections()).as(t.id()).isNotEmpty();
        }
    }

    @Test
    void reportsEachRuleWithFileAndLine() throws IOException {
        write("fuori-dominio.md", section("Fuori dominio", "https://www.altro-sito.it/x", "2026-10-01", "Testo."));
        write("doppio-a.md", section("Titolo doppio", "https://www.example-ats.it/a", "2026-10-01", "Testo."));
        write("doppio-b.md", section("titolo DOPPIO", "https://www.example-ats.it/b", "2026-10-01", "Testo."));
        write("vuoto.md", section("Corpo vuoto", "https://www.example-ats.it/v", "2026-10-01", ""));
        write("lungo.md", section("Corpo lungo", "https://www.example-ats.it/l", "2026-10-01", "parola ".repeat(300)));
        write("vecchio.md", section("Rivisto tanto tempo fa", "https://www.example-ats.it/o", "2024-06-30", "Testo."));
        write("Maiuscolo.md", section("Nome non valido", "https://www.example-ats.it/m", "2026-10-01", "Testo."));
        write("lista.md", section("Solo lista", "https://www.example-ats.it/s", "2026-10-01", "- uno\n- due"));
        TenantConfig withRequired = new TenantConfig(tenant.id(), tenant.name(), tenant.site(), tenant.urp(),
                tenant.moderation(), tenant.minimumAge(), tenant.moderationCategories(), tenant.strikes(),
                tenant.repeated(), tenant.retrieval(), tenant.replies(), List.of("vuoto", "obbligatoria"), 0);

        List<Problem> problems = checker.check(new KnowledgeBaseLoader().load("fixture", dir), withRequired, dir);

        assertThat(problems).extracting(Problem::toString).containsExactlyInAnyOrder(
                dir.resolve("Maiuscolo.md") + ": error: the file name 'Maiuscolo' is not a valid id: lower-case letters and digits joined by '-'",
                dir.resolve("doppio-b.md") + ":2: error: duplicate title 'titolo DOPPIO', also in doppio-a.md",
                dir.resolve("fuori-dominio.md") + ":3: error: url https://www.altro-sito.it/x is not on the tenant's site www.example-ats.it",
                dir.resolve("lista.md") + ":11: error: the body has no opening paragraph for replies to quote (it starts with a list or a heading)",
                dir.resolve("lungo.md") + ":11: error: the body is 2099 characters long; at most 1500 suit a social reply: move details to the site",
                dir.resolve("lungo.md") + ":11: warning: the first paragraph is 2099 characters long; replies quote it whole, keep it under 400",
                dir.resolve("obbligatoria.md") + ": error: required section 'obbligatoria' is missing",
                dir.resolve("vecchio.md") + ":9: warning: last reviewed on 2024-06-30, more than a year ago: check it against the site",
                dir.resolve("vuoto.md") + ":11: error: the body is empty: write the answer below the front matter");
    }

    @Test
    void aBrokenFileIsAnErrorOfTheCheckButNotAMissingSection() throws IOException {
        write("rotta.md", "---\ntitle: [rotta\n---\nTesto.");
        TenantConfig withRequired = new TenantConfig(tenant.id(), tenant.name(), tenant.site(), tenant.urp(),
                tenant.moderation(), tenant.minimumAge(), tenant.moderationCategories(), tenant.strikes(),
                tenant.repeated(), tenant.retrieval(), tenant.replies(), List.of("rotta"), 0);

        List<Problem> problems = checker.check(new KnowledgeBaseLoader().load("fixture", dir), withRequired, dir);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file().getFileName()).hasToString("rotta.md");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.isError()).isTrue();
        });
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    private static String section(String title, String url, String reviewed, String body) {
        return "---\ntitle: " + title + "\nurl: " + url + "\nkeywords: [uno, due]\nquestions:\n  - Prima?\n  - Seconda?\n  - Terza?\n"
                + "reviewed: " + reviewed + "\n---\n" + body + "\n";
    }
}
