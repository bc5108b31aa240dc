/**
 * Learned models over text, shared by the guard (one detector per class) and retrieval (answerability):
 * hashed word and character n-gram features, and linear models trained with LIBLINEAR's logistic
 * regression. Training is deterministic, so the same corpus always gives the same model.
 */
package it.sportello.learn;
