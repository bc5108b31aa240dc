package it.sportello;

import it.sportello.kb.KnowledgeBase;
import it.sportello.kb.KnowledgeBaseLoader;
import it.sportello.search.ItalianAnalysis;
import it.sportello.tenant.TenantConfig;
import it.sportello.tenant.TenantRegistry;
import java.net.URI;
import java.nio.file.Path;

/** Real configuration and fixtures for tests: the shipped files, read the way Sportello reads them. */
public final class Fixtures {

    public static final Path HOME = Path.of(".");

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
