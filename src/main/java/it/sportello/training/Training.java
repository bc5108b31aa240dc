package it.sportello.training;

import it.sportello.corpus.Corpus;
import it.sportello.guard.GuardClass;
import it.sportello.guard.GuardDetectors;
import it.sportello.guard.GuardModel;
import it.sportello.learn.Threshold;
import it.sportello.search.Answerability;
import it.sportello.search.SectionIndex;
import it.sportello.tenant.TenantRegistry;
import it.sportello.corpus.CorpusMessage;
import it.sportello.search.SectionClassifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything learned, from one corpus: the guard's model and the thresholds chosen for each class, the
 * answerability model, and the report. Deterministic: the same corpus, lexicons and knowledge base give the same
 * models and thresholds.
 */
public record Training(GuardModel guardModel, Map<GuardClass, Threshold> thresholds, Answerability answerability,
                       Map<String, SectionClassifier> classifiers, ModelReport report) {

    public static Training run(Corpus corpus, GuardDetectors detectors, Map<String, SectionIndex> indexes,
                               TenantRegistry tenants, int threads) {
        long t0 = System.nanoTime();
        GuardModel model = GuardModel.train(withExampleQuestions(corpus.train(), indexes), detectors::read, threads);
        org.slf4j.LoggerFactory.getLogger(Training.class).info("guard model trained in {} ms", (System.nanoTime() - t0) / 1_000_000);
        return run(corpus, detectors, indexes, tenants, threads, model);
    }

    /** With the guard's model already trained (the {@code model} command tries other settings). */
    public static Training run(Corpus corpus, GuardDetectors detectors, Map<String, SectionIndex> indexes,
                               TenantRegistry tenants, int threads, GuardModel model) {
        long t0 = System.nanoTime();
        Map<GuardClass, ClassReport> classes =
                GuardCalibration.choose(detectors, model, corpus.validation(), tenants);
        Map<GuardClass, Threshold> thresholds = new EnumMap<>(GuardClass.class);
        classes.forEach((c, r) -> thresholds.put(c, r.chosen().threshold()));
        org.slf4j.LoggerFactory.getLogger(Training.class).info("thresholds chosen in {} ms", (System.nanoTime() - t0) / 1_000_000);
        // each tenant's section classifier on all its training questions, and on each half of them: a question is
        // searched, for the answerability model's examples, with the classifier of the half it is not in
        Map<String, SectionClassifier> classifiers = new LinkedHashMap<>();
        Map<String, SectionClassifier[]> halves = new LinkedHashMap<>();
        indexes.forEach((tenant, index) -> {
            List<SectionClassifier.Utterance> all = new ArrayList<>();
            List<List<SectionClassifier.Utterance>> half = List.of(new ArrayList<>(), new ArrayList<>());
            for (CorpusMessage m : corpus.train()) {
                if (m.tenant().equals(tenant) && m.topic().isPresent()) {
                    SectionClassifier.Utterance u = new SectionClassifier.Utterance(m.text(),
                            m.topic().get().section().orElse(SectionClassifier.NONE));
                    all.add(u);
                    half.get(half(m)).add(u);
                }
            }
            classifiers.put(tenant, SectionClassifier.train(index.sections(), all, detectors.normalizer(), threads));
            halves.put(tenant, new SectionClassifier[] {
                SectionClassifier.train(index.sections(), half.get(0), detectors.normalizer(), threads),
                SectionClassifier.train(index.sections(), half.get(1), detectors.normalizer(), threads)});
        });
        org.slf4j.LoggerFactory.getLogger(Training.class).info("classifiers trained at {} ms", (System.nanoTime() - t0) / 1_000_000);
        List<AnswerabilityTraining.Searched> train = AnswerabilityTraining.search(corpus.train(), detectors, model, indexes,
                m -> Optional.ofNullable(halves.get(m.tenant())).map(h -> h[1 - half(m)]), threads);
        Answerability answerability = Answerability.train(train.stream().map(AnswerabilityTraining.Searched::example).toList());
        List<AnswerabilityTraining.Searched> validation = AnswerabilityTraining.search(corpus.validation(), detectors, model,
                indexes, m -> Optional.ofNullable(classifiers.get(m.tenant())), threads);
        ModelReport report = new ModelReport(corpus.fingerprint(), corpus.train().size(), corpus.validation().size(),
                model.languages(), classes, calibration(answerability, validation), operating(answerability, validation),
                (System.nanoTime() - t0) / 1_000_000);
        return new Training(model, thresholds, answerability, classifiers, report);
    }

    /**
     * The corpus and every example question of the knowledge bases: general questions by definition, so the guard
     * learns from them what none of its classes looks like (they name no language).
     */
    static List<CorpusMessage> withExampleQuestions(List<CorpusMessage> corpus, Map<String, SectionIndex> indexes) {
        List<CorpusMessage> out = new ArrayList<>(corpus);
        indexes.forEach((tenant, index) -> index.sections().forEach(s -> {
            for (int i = 0; i < s.questions().size(); i++) {
                out.add(new CorpusMessage("kb:" + tenant + ":" + s.id() + ":" + i, tenant, "", s.questions().get(i),
                        java.util.Set.of(), java.util.EnumSet.allOf(GuardClass.class),
                        Optional.of(CorpusMessage.Topic.of(s.id()))));
            }
        }));
        return out;
    }

    private static int half(CorpusMessage m) {
        return Math.floorMod(m.id().hashCode(), 2);
    }

    private static List<ModelReport.Bin> calibration(Answerability a, List<AnswerabilityTraining.Searched> questions) {
        int bins = 10;
        int[] count = new int[bins];
        double[] predicted = new double[bins];
        int[] right = new int[bins];
        for (AnswerabilityTraining.Searched q : questions) {
            double p = a.probability(q.example().evidence(), q.example().language());
            int b = Math.min(bins - 1, (int) (p * bins));
            count[b]++;
            predicted[b] += p;
            right[b] += q.example().answered() ? 1 : 0;
        }
        List<ModelReport.Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            out.add(new ModelReport.Bin(b / (double) bins, (b + 1) / (double) bins, count[b],
                    count[b] == 0 ? 0 : predicted[b] / count[b], count[b] == 0 ? 0 : (double) right[b] / count[b]));
        }
        return out;
    }

    private static List<ModelReport.Operating> operating(Answerability a, List<AnswerabilityTraining.Searched> questions) {
        List<ModelReport.Operating> out = new ArrayList<>();
        for (int t = 20; t <= 80; t += 5) {
            double threshold = t / 100.0;
            int covered = 0;
            int right = 0;
            int wrong = 0;
            int uncovered = 0;
            int escalated = 0;
            for (AnswerabilityTraining.Searched q : questions) {
                boolean answers = a.probability(q.example().evidence(), q.example().language()) >= threshold;
                if (q.covered()) {
                    covered++;
                    right += answers && q.example().answered() ? 1 : 0;
                    wrong += answers && !q.example().answered() ? 1 : 0;
                } else {
                    uncovered++;
                    escalated += answers ? 0 : 1;
                }
            }
            out.add(new ModelReport.Operating(threshold, covered == 0 ? 0 : (double) right / covered,
                    covered == 0 ? 0 : (double) wrong / covered, uncovered == 0 ? 0 : (double) escalated / uncovered,
                    covered, uncovered));
        }
        return out;
    }
}
