package it.sportello.guard;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.Fixtures;
import it.sportello.app.Sportello;
import it.sportello.contract.Action;
import it.sportello.contract.Channel;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import it.sportello.corpus.Corpus;
import it.sportello.corpus.CorpusMessage;
import it.sportello.kb.Section;
import it.sportello.tenant.TenantConfig;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole guard, lexicons and model, over general questions it was not trained on: the covered questions of
 * the corpus's validation split. Hardly any may be moderated or treated as an emergency, and hardly any
 * redirected: a refused answerable question is the guard's false positive.
 */
class CleanQuestionsTest {

    @Test
    void generalQuestionsAreNeitherModeratedNorRefused() {
        Sportello sportello = Fixtures.sportello();
        List<String[]> questions = new ArrayList<>();
        for (CorpusMessage m : Corpus.load(Fixtures.HOME.resolve("corpus")).validation()) {
            if (m.labels().isEmpty() && m.topic().isPresent() && m.topic().get().covered()) {
                questions.add(new String[] {m.tenant(), m.text()});
            }
        }
        List<String> moderated = new ArrayList<>();
        List<String> emergencies = new ArrayList<>();
        List<String> redirected = new ArrayList<>();
        int n = 0;
        for (String[] q : questions) {
            Message m = new Message("q" + n, q[0], Channel.FACEBOOK, Kind.COMMENT, "fb:clean" + n++,
                    OffsetDateTime.parse("2026-11-25T11:00:00+01:00"), q[1]);
            Verdict v = sportello.guard().inspect(m, sportello.tenants().get(q[0]), false);
            Action action = v.action().orElse(Action.ANSWER);
            if (action == Action.MODERATE) {
                moderated.add(v.reasons() + ": " + q[1]);
            } else if (action == Action.EMERGENCY) {
                emergencies.add(q[1]);
            } else if (action == Action.REDIRECT) {
                redirected.add(v.reasons() + ": " + q[1]);
            }
        }
        System.out.printf("clean questions: %d, moderated %d, treated as emergencies %d, redirected %d%n", n, moderated.size(),
                emergencies.size(), redirected.size());
        assertThat(n).isGreaterThan(400);
        // floors a little above today's figures (docs/guard-model.md): emergencies lean to recall by design
        assertThat((double) moderated.size() / n).as("moderated: %s", moderated).isLessThanOrEqualTo(0.015);
        assertThat((double) emergencies.size() / n).as("emergencies: %s", emergencies).isLessThanOrEqualTo(0.03);
        assertThat((double) redirected.size() / n).as("redirected: %s", redirected).isLessThanOrEqualTo(0.045);
    }
}
