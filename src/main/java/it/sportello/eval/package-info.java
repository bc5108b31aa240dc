/**
 * The evaluation of the bot on a file of messages with expected decisions (the format of
 * {@code shared/eval/dev.jsonl}), scored exactly as {@code shared/eval/score.py} scores it.
 */
package it.sportello.eval;
