/**
 * Training at start-up: the guard's model on the corpus's training split, each class's thresholds chosen on the
 * validation split for what the policy needs, the answerability model on the corpus's questions; and the report
 * of it all (the {@code model} command, docs/guard-model.md).
 */
package it.sportello.training;
