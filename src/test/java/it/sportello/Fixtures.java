package it.sportello;

import it.sportello.app.Sportello;
import it.sportello.corpus.Corpus;
import it.sportello.guard.GuardDetectors;
import it.sportello.kb.KnowledgeBase;
import it.sportello.search.SectionIndex;
import it.sportello.training.Training;
import it.sportello.kb.KnowledgeBaseLoader;
import it.sportello.search.ItalianAnalysis;
import it.sportello.tenant.TenantConfig;
import it.sportello.tenant.TenantRegistry;
import java.net.URI;
import java.nio.file.Path;

/** Real configuration and fixtures for tests: the shipped files, read the way Sportello reads them. */
public final class Fixtures {

    public static final Path HOME = Path.of(".");

    /**
     * The models trained once for the whole test run: training is deterministic, so every test that starts
     * Sportello on the shipped files would train the same models again.
     */
    public static final Sportello.Trainer TRAINER = new Sportello.Trainer() {
        private final java.util.Map<String, Training> trained = new java.util.HashMap<>();

        @Override
        public synchronized Training train(Corpus corpus, GuardDetectors detectors,
                                           java.util.Map<String, SectionIndex> indexes, TenantRegistry tenants) {
            return trained.computeIfAbsent(corpus.fingerprint(),
                    k -> Sportello.Trainer.AT_START.train(corpus, detectors, indexes, tenants));
        }
    };

    private static Sportello shared;

    /** Sportello on the shipped files with its state in memory, shared by tests that only read decisions. */
    public static synchronized Sportello sportello() {
        if (shared == null) {
            shared = Sportello.start(HOME, java.time.Clock.systemUTC(), new it.sportello.guard.InMemoryStrikeStore(),
                    new it.sportello.guard.InMemoryPostHistory(), TRAINER);
        }
        return shared;
    }

    private Fixtures() {
    }

    public static TenantRegistry tenants() {
        return TenantRegistry.load(HOME.resolve("config/tenants"));
    }

    public static ItalianAnalysis analysis() {
        return ItalianAnalysis.load(HOME.resolve("config/analysis"));
    }

    public static KnowledgeBase shipped(String tenant) {
        return new KnowledgeBaseLoader().load(tenant, HOME.resolve("knowledge-base").resolve(tenant));
    }

    public static Path resource(String path) {
        return Path.of("src/test/resources").resolve(path);
    }

    /** The shipped ats-milano configuration on another site, for fixture knowledge bases. */
    public static TenantConfig tenantOn(String site) {
        TenantConfig c = tenants().get("ats-milano");
        return new TenantConfig("fixture", "Agenzia di prova", URI.create(site), URI.create(site + "/urp"), c.moderation(),
                c.minimumAge(), c.moderationCategories(), c.strikes(), c.repeated(), c.retrieval(), c.replies(), java.util.List.of(), 0);
    }
}
