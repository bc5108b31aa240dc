package it.sportello.guard;

import it.sportello.text.NormalizedText;

/** A learned reading of a text: a probability per {@link GuardClass} and its language. */
public interface ClassScorer {

    /** No model: every probability 0, so only the curated rules fire (tests of the policy alone). */
    ClassScorer NONE = text -> new GuardModel.Scores(new double[GuardClass.values().length], "und", 0);

    GuardModel.Scores score(NormalizedText text);
}
