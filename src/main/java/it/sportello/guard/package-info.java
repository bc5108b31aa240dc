/**
 * The guard: what the agency's social media policy says about a message before any answer. Detectors
 * are pure functions of the text ({@link it.sportello.guard.PersonalDataDetector}, the curated
 * {@link it.sportello.guard.Lexicon}s of {@code config/guard/}, {@link it.sportello.guard.MinorDetector});
 * {@link it.sportello.guard.PolicyGuard} turns what they find into a verdict with the tenant's policy;
 * strikes and repeated posts are kept behind {@link it.sportello.guard.StrikeStore} and
 * {@link it.sportello.guard.PostHistory}.
 */
package it.sportello.guard;
