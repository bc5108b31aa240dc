/**
 * The labelled corpus the guard's model and the answerability model learn from ({@code corpus/} beside
 * {@code config/}): messages written as citizens write, with what each shows and which section answers it,
 * split into training and validation files.
 */
package it.sportello.corpus;
