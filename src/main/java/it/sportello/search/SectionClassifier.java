package it.sportello.search;

import it.sportello.kb.Section;
import it.sportello.learn.LinearModel;
import it.sportello.learn.TextFeatures;
import it.sportello.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Which section a question is about, learned from how citizens ask: one logistic regression a section over
 * the same hashed n-gram features as the guard, trained on each section's title, keywords and example
 * questions and on the corpus's questions about it, and one more output for the questions it does not cover. It sees the whole message the way its writers wrote it
 * (a complaint is about the URP whatever service it names; "mia madre vorrebbe..." is not about mothers),
 * where Lucene weighs each word; retrieval ranks with both ({@link SectionIndex#search(String, int, Prior)}).
 */
public final class SectionClassifier {

    /** LIBLINEAR's C: the sections' own texts are few and tidy, so fit them closely. */
    static final double COST = 8;
    /** The table's size: a tenant's questions have far fewer features than the guard's corpus. */
    static final int BITS = 16;

    private final TextNormalizer normalizer;
    private final TextFeatures features = new TextFeatures();
    private final LinearModel model;
    private final List<String> sections;

    private SectionClassifier(TextNormalizer normalizer, LinearModel model, List<String> sections) {
        this.normalizer = normalizer;
        this.model = model;
        this.sections = List.copyOf(sections);
    }

    /** A question of the corpus and the section that answers it, or {@link #NONE} when no section does. */
    public record Utterance(String text, String section) { }

    /** The output of the questions no section answers: what the tenant's knowledge base does not cover. */
    public static final String NONE = "";

    /** The probability of each section for one question, in the order of {@code ids}, and of none of them. */
    public record Prior(List<String> ids, double[] probability, double none) {
        public double of(String id) {
            int i = ids.indexOf(id);
            return i < 0 ? 0 : probability[i];
        }
    }

    public static SectionClassifier train(List<Section> sections, List<Utterance> utterances, TextNormalizer normalizer,
                                          int threads) {
        List<String> ids = new ArrayList<>(sections.stream().map(Section::id).sorted().toList());
        ids.add(NONE);
        TextFeatures features = new TextFeatures();
        List<LinearModel.Example> examples = new ArrayList<>();
        for (Section s : sections) {
            int k = ids.indexOf(s.id());
            examples.add(example(features, normalizer, s.title(), k, ids.size()));
            examples.add(example(features, normalizer, String.join(", ", s.keywords()), k, ids.size()));
            s.questions().forEach(q -> examples.add(example(features, normalizer, q, k, ids.size())));
        }
        for (Utterance u : utterances) {
            int k = ids.indexOf(u.section());
            if (k >= 0) {
                examples.add(example(features, normalizer, u.text(), k, ids.size()));
            }
        }
        double[] weights = new double[ids.size()];
        java.util.Arrays.fill(weights, 1);
        return new SectionClassifier(normalizer,
                LinearModel.train(BITS, ids.size(), examples, COST, weights, threads), ids);
    }

    private static LinearModel.Example example(TextFeatures features, TextNormalizer normalizer, String text, int k, int n) {
        boolean[] positive = new boolean[n];
        positive[k] = true;
        boolean[] known = new boolean[n];
        java.util.Arrays.fill(known, true);
        return new LinearModel.Example(features.of(normalizer.normalize(text)), positive, known);
    }

    public Prior prior(String question) {
        double[] all = model.probabilities(features.of(normalizer.normalize(question)));
        int n = sections.size() - 1;
        return new Prior(sections.subList(0, n), java.util.Arrays.copyOf(all, n), all[n]);
    }
}
