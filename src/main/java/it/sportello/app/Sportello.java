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
import it.sportello.responder.CourtesyDetector;
import it.sportello.responder.Responder;
import it.sportello.responder.TenantRuntime;
import it.sportello.search.ItalianAnalysis;
import it.sportello.search.SectionIndex;
import it.sportello.tenant.ModerationHours;
import it.sportello.tenant.TenantConfig;
import it.sportello.tenant.TenantRegistry;
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
    private final CourtesyDetector courtesy;
    private final Responder responder;
    private final Clock clock;

    private Sportello(Layout layout, TenantRegistry tenants, ItalianAnalysis analysis, Map<String, KnowledgeBase> kbs,
                      Map<String, TenantRuntime> runtimes, Guard guard, GuardDetectors detectors, CourtesyDetector courtesy,
                      Responder responder, Clock clock) {
        this.layout = layout;
        this.tenants = tenants;
        this.analysis = analysis;
        this.knowledgeBases = kbs;
        this.runtimes = runtimes;
        this.guard = guard;
        this.detectors = detectors;
        this.courtesy = courtesy;
        this.responder = responder;
        this.clock = clock;
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
        GuardDetectors detectors = GuardDetectors.load(layout.guard(), publicDomains);
        Guard guard = new PolicyGuard(detectors, strikes, posts);
        CourtesyDetector courtesy = CourtesyDetector.load(layout.courtesy(), analysis);
        Responder responder = new Responder(runtimes, guard, courtesy);
        return new Sportello(layout, tenants, analysis, kbs, runtimes, guard, detectors, courtesy, responder, clock);
    }

    /** A responder for {@code tenant} over another index (the benchmark's synthetic knowledge base). */
    public Responder responderOver(String tenant, SectionIndex index) {
        TenantRuntime base = runtimes.get(tenant);
        return new Responder(Map.of(tenant, new TenantRuntime(base.config(), index, base.hours())), guard, courtesy);
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
