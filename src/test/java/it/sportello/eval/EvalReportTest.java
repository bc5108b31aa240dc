package it.sportello.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.contract.Action;
import it.sportello.contract.Decision;
import it.sportello.contract.Evidence;
import it.sportello.contract.Reason;
import it.sportello.contract.Sanction;
import it.sportello.contract.SectionRef;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The curators' figures: groups as score.py has them, per reason precision and recall, actions confused. */
class EvalReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void countsEachReasonAndEachActionAndShowsWhyAFailureHappened() throws Exception {
        EvalReport report = new EvalReport();
        report.add(of("{\"id\":\"e1\",\"text\":\"x\",\"expect\":{\"action\":\"emergency\",\"reasons\":[\"emergency\"]}}"),
                decision("e1", Action.EMERGENCY, List.of(Reason.EMERGENCY), Evidence.NONE));
        report.add(of("{\"id\":\"e2\",\"text\":\"y\",\"expect\":{\"action\":\"emergency\",\"reasons\":[\"emergency\"]}}"),
                decision("e2", Action.ESCALATE, List.of(Reason.LOW_CONFIDENCE),
                        new Evidence(List.of(Evidence.Signal.score("emergency", "model", 0.12, 0.23)))));
        report.add(of("{\"id\":\"q1\",\"text\":\"z\",\"expect\":{\"action\":\"answer\",\"sections\":[\"urp\"]}}"),
                decision("q1", Action.EMERGENCY, List.of(Reason.EMERGENCY), Evidence.NONE));
        report.add(of("{\"id\":\"c1\",\"text\":\"w\",\"group\":\"counter_speech\",\"expect\":{\"action\":[\"escalate\",\"ignore\"],"
                + "\"reasons_absent\":[\"discrimination\"]}}"), decision("c1", Action.IGNORE, List.of(), Evidence.NONE));

        StringWriter out = new StringWriter();
        report.print(new PrintWriter(out), true);
        String printed = out.toString();

        assertThat(report.groups()).containsKeys("emergency", "answer", "counter_speech");
        assertThat(report.percent("emergency")).isEqualTo(50.0);
        assertThat(printed).containsPattern("emergency\\s+1\\s+1\\s+1\\s+0\\.500\\s+0\\.500");
        assertThat(printed).containsPattern("emergency\\s+0\\s+0\\s+0\\s+1\\s+1");
        assertThat(printed).contains("because emergency: model 0.12 (threshold 0.23)");
        assertThat(printed).contains("overall 2/4 passed (50.0%)");
    }

    private static EvalCase of(String line) throws Exception {
        return EvalCase.of(JSON.readTree(line), line);
    }

    private static Decision decision(String id, Action action, List<Reason> reasons, Evidence evidence) {
        List<SectionRef> sections = action == Action.ANSWER
                ? List.of(new SectionRef("urp", "URP", "https://www.ats-milano.it/urp", 1)) : List.of();
        return new Decision(id, action, reasons, false, Sanction.NONE, sections, "", 0, evidence, Optional.empty());
    }
}
