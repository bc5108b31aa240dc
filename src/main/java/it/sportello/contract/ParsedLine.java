package it.sportello.contract;

/** One input line of {@code ask --jsonl}: a message, or why it is not one. */
public sealed interface ParsedLine {

    record Valid(Message message) implements ParsedLine { }

    /** {@code id} is the line's id when it could be read, else a placeholder naming the line. */
    record Invalid(String id, String error) implements ParsedLine { }
}
