package it.sportello.responder;

import it.sportello.search.SectionClassifier;
import it.sportello.search.SectionIndex;
import it.sportello.tenant.ModerationHours;
import it.sportello.tenant.TenantConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * What the pipeline needs of one tenant at run time: its configuration, index and hours, and the section
 * classifier learned from its questions (none until the models are trained).
 */
public record TenantRuntime(TenantConfig config, SectionIndex index, ModerationHours hours,
                            Optional<SectionClassifier> classifier) {

    public TenantRuntime {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(classifier, "classifier");
    }

    public TenantRuntime(TenantConfig config, SectionIndex index, ModerationHours hours) {
        this(config, index, hours, Optional.empty());
    }

    public TenantRuntime with(Optional<SectionClassifier> learnt) {
        return new TenantRuntime(config, index, hours, learnt);
    }

    /** The question's best sections, Lucene's ranking with the classifier's prior when there is one. */
    public it.sportello.search.SearchResult search(String question, int max) {
        return index.search(question, max, classifier.map(c -> c.prior(question)));
    }
}
