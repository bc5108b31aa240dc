package it.sportello.training;

import it.sportello.guard.GuardClass;
import it.sportello.learn.Threshold;

/** One class's validation figures: the combination chosen, the rule alone and the model alone at that threshold. */
public record ClassReport(GuardClass guardClass, Threshold.Figures chosen, Threshold.Figures ruleOnly,
                          Threshold.Figures modelOnly) { }
