package it.sportello.app;

import it.sportello.contract.JsonLines;
import it.sportello.guard.Guard;
import it.sportello.guard.GuardDetectors;
import it.sportello.guard.InMemoryPostHistory;
import it.sportello.guard.InMemoryStrikeStore;
import it.sportello.guard.PersonalDataDetector;
import it.sportello.guard.PolicyGuard;
import it.sportello.guard.PostHistory;
import it.sportello.guard.StrikeStore;
import it.sportello.kb.KnowledgeBase;
import it.sportello.kb.KnowledgeBaseLoader;
import it.sportello.kb.Problem;
import it.sportello.corpus.Corpus;
import it.sportello.responder.Responder;
import it.sportello.responder.TenantRuntime;
import it.sportello.search.ItalianAnalysis;
import it.sportello.search.SectionIndex;
import it.sportello.tenant.ModerationHours;
import it.sportello.tenant.TenantConfig;
import it.sportello.tenant.TenantRegistry;
import it.sportello.training.Training;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds every component of Sportello with {@code new}, from the files under a home folder
 * ({@code config/}, {@code knowledge-base/}), and closes them in reverse order.
 */
public final class Sportello implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sportello.class);

    private final Layout layout;
    private final TenantRegistry tenants;
    private final ItalianAnalysis analysis;
    private final Map<String, KnowledgeBase> knowledgeBases;
    private final Map<String, TenantRuntime> runtimes;
    private final Guard guard;
    private final GuardDetectors detectors;
    private final Training training;
    private final Responder responder;
    private final Clock clock;

    private Sportello(Layout layout, TenantRegistry tenants, ItalianAnalysis analysis, Map<String, KnowledgeBase> kbs,
                      Map<String, TenantRuntime> runtimes, Guard guard, GuardDetectors detectors, Training training,
                      Responder responder, Clock clock) {
        this.layout = layout;
        this.tenants = tenants;
        this.analysis = analysis;
        this.knowledgeBases = kbs;
        this.runtimes = runtimes;
        this.guard = guard;
        this.detectors = detectors;
        this.training = training;
        this.responder = responder;
        this.clock = clock;
    }

    /** How the models are trained from the corpus: {@link Training#run} in production; tests may share one run. */
    @FunctionalInterface
    public interface Trainer {
        Training train(Corpus corpus, GuardDetectors detectors, Map<String, SectionIndex> indexes, TenantRegistry tenants);

        Trainer AT_START = (corpus, detectors, indexes, tenants) ->
                Training.run(corpus, detectors, indexes, tenants, Runtime.getRuntime().availableProcessors());
    }

    /** Where Sportello finds its files. */
    public record Layout(Path home) {
        public Path tenants() {
            return home.resolve("config/tenants");
        }

        public Path analysis() {
            return home.resolve("config/analysis");
        }

        public Path guard() {
            return home.resolve("config/guard");
        }

        public Path channels() {
            return home.resolve("config/channels.yaml");
        }

        public Path courtesy() {
            return home.resolve("config/lexicons/courtesy.txt");
        }

        public Path corpus() {
            return home.resolve("corpus");
        }

        public Path knowledgeBase(String tenant) {
            return home.resolve("knowledge-base").resolve(tenant);
        }
    }

    /** Sportello with the guard's state in memory: throw-away runs (ask, eval, bench). */
    public static Sportello start(Path home, Clock clock) {
        return start(home, clock, new InMemoryStrikeStore(), new InMemoryPostHistory());
    }

    /** Sportello with the guard's strikes and post history in {@code strikes} and {@code posts} (the store). */
    public static Sportello start(Path home, Clock clock, StrikeStore strikes, PostHistory posts) {
        return start(home, clock, strikes, posts, Trainer.AT_START);
    }

    /** Sportello with its models from {@code trainer}. */
    public static Sportello start(Path home, Clock clock, StrikeStore strikes, PostHistory posts, Trainer trainer) {
        Layout layout = new Layout(home);
        TenantRegistry tenants = TenantRegistry.load(layout.tenants());
        ItalianAnalysis analysis = ItalianAnalysis.load(layout.analysis());
        KnowledgeBaseLoader loader = new KnowledgeBaseLoader();
        Map<String, KnowledgeBase> kbs = new LinkedHashMap<>();
        Map<String, TenantRuntime> runtimes = new LinkedHashMap<>();
        List<SectionIndex> opened = new ArrayList<>();
        try {
            for (TenantConfig tenant : tenants.all()) {
                long t0 = System.nanoTime();
                KnowledgeBase kb = loader.load(tenant.id(), layout.knowledgeBase(tenant.id()));
                kb.problems().forEach(p -> LOG.warn("knowledge base {}: {} (left out; run `kb check`)", tenant.id(), p));
                SectionIndex index = SectionIndex.build(kb.sections(), analysis);
                opened.add(index);
                kbs.put(tenant.id(), kb);
                runtimes.put(tenant.id(), new TenantRuntime(tenant, index, new ModerationHours(tenant.moderation())));
                LOG.info("tenant {}: {} sections indexed in {} ms", tenant.id(), index.size(),
                        (System.nanoTime() - t0) / 1_000_000);
            }
        } catch (RuntimeException e) {
            opened.forEach(SectionIndex::close);
            throw e;
        }
        Set<String> publicDomains = tenants.all().stream()
                .map(t -> t.domain().replaceFirst("^www\\.", "")).collect(Collectors.toUnmodifiableSet());
        Training training;
        GuardDetectors detectors;
        try {
            GuardDetectors rules = GuardDetectors.load(layout.guard(), layout.courtesy(), publicDomains);
            long t0 = System.nanoTime();
            Map<String, SectionIndex> indexes = new LinkedHashMap<>();
            runtimes.forEach((id, r) -> indexes.put(id, r.index()));
            training = trainer.train(Corpus.load(layout.corpus()), rules, indexes, tenants);
            detectors = rules.withModel(training.guardModel(), training.thresholds());
            LOG.info("models trained on corpus {} ({} messages) in {} ms", training.report().corpus(),
                    training.report().trainMessages(), (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            opened.forEach(SectionIndex::close);
            throw e;
        }
        Training trained = training;
        runtimes.replaceAll((id, r) -> r.with(java.util.Optional.ofNullable(trained.classifiers().get(id))));
        Guard guard = new PolicyGuard(detectors, strikes, posts);
        Responder responder = new Responder(runtimes, guard, training.answerability());
        return new Sportello(layout, tenants, analysis, kbs, runtimes, guard, detectors, training, responder, clock);
    }

    /** A responder for {@code tenant} over another index (the benchmark's synthetic knowledge base). */
    public Responder responderOver(String tenant, SectionIndex index) {
        TenantRuntime base = runtimes.get(tenant);
        return new Responder(Map.of(tenant, new TenantRuntime(base.config(), index, base.hours())), guard,
                training.answerability());
    }

    /** What the pipeline holds of one tenant: configuration, index, hours, section classifier. */
    public TenantRuntime runtime(String tenant) {
        return runtimes.get(tenant);
    }

    /** What training found (the {@code model} command, docs/guard-model.md). */
    public Training training() {
        return training;
    }

    public GuardDetectors detectors() {
        return detectors;
    }

    /** The guard alone, for the benchmark. */
    public Guard guard() {
        return guard;
    }

    /** The personal-data detector, which redacts a message before it is stored. */
    public PersonalDataDetector personalData() {
        return detectors.personalData();
    }

    public Responder responder() {
        return responder;
    }

    public TenantRegistry tenants() {
        return tenants;
    }

    public ItalianAnalysis analysis() {
        return analysis;
    }

    public Layout layout() {
        return layout;
    }

    public Clock clock() {
        return clock;
    }

    public KnowledgeBase knowledgeBase(String tenant) {
        return knowledgeBases.get(tenant);
    }

    public List<Problem> problems() {
        return knowledgeBases.values().stream().flatMap(kb -> kb.problems().stream()).toList();
    }

    /** The codec for contract lines, knowing this instance's tenants. */
    public JsonLines jsonLines() {
        return new JsonLines(tenants::contains, clock);
    }

    @Override
    public void close() {
        List<TenantRuntime> reversed = new ArrayList<>(runtimes.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(r -> r.index().close());
    }
}
