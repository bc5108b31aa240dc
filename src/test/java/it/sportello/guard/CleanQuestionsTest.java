package it.sportello.guard;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.Fixtures;
import it.sportello.contract.Action;
import it.sportello.contract.Channel;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import it.sportello.kb.Section;
import it.sportello.tenant.TenantConfig;
import it.sportello.tenant.TenantRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The whole guard, with the shipped lexicons, over general questions citizens ask: the retrieval
 * corpus's covered questions and every example question of the knowledge bases. None may be
 * moderated or treated as an emergency, and hardly any redirected: a refused answerable question is
 * the guard's false positive.
 */
class CleanQuestionsTest {

    @Test
    void generalQuestionsAreNeitherModeratedNorRefused() throws IOException {
        TenantRegistry tenants = Fixtures.tenants();
        PolicyGuard guard = new PolicyGuard(GuardDetectors.load(Path.of("config/guard"), Set.of("ats-milano.it", "asst-crema.it")),
                new InMemoryStrikeStore(), new InMemoryPostHistory());
        List<String[]> questions = new ArrayList<>();
        for (String line : Files.readAllLines(Fixtures.resource("retrieval/questions.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (!line.startsWith("#") && f.length == 3 && !f[1].equals("-")) {
                questions.add(new String[] {f[0], f[2]});
            }
        }
        for (TenantConfig t : tenants.all()) {
            for (Section s : Fixtures.shipped(t.id()).sections()) {
                s.questions().forEach(q -> questions.add(new String[] {t.id(), q}));
            }
        }
        List<String> moderated = new ArrayList<>();
        List<String> redirected = new ArrayList<>();
        int n = 0;
        for (String[] q : questions) {
            Message m = new Message("q" + n, q[0], Channel.FACEBOOK, Kind.COMMENT, "fb:clean" + n++,
                    OffsetDateTime.parse("2026-11-25T11:00:00+01:00"), q[1]);
            Verdict v = guard.inspect(m, tenants.get(q[0]));
            Action action = v.action().orElse(Action.ANSWER);
            if (action == Action.MODERATE || action == Action.EMERGENCY) {
                moderated.add(action + " " + v.reasons() + ": " + q[1]);
            } else if (action == Action.REDIRECT) {
                redirected.add(v.reasons() + ": " + q[1]);
            }
        }
        System.out.printf("clean questions: %d, moderated or emergency %d, redirected %d%n", n, moderated.size(), redirected.size());
        assertThat(n).isGreaterThan(500);
        assertThat(moderated).isEmpty();
        assertThat((double) redirected.size() / n).as("redirected: %s", redirected).isLessThanOrEqualTo(0.02);
    }
}
