package it.sportello.responder;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The question at the end of a message that starts with context: the last clause of the last sentence
 * that ends with a question mark ("Di domenica il medico non c'è, a chi mi rivolgo?" → "a chi mi rivolgo?").
 */
final class QuestionFocus {

    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?\\n])\\s*");
    private static final Pattern CLAUSES = Pattern.compile("[,;:]\\s*");

    private QuestionFocus() {
    }

    static Optional<String> of(String text) {
        String question = null;
        for (String sentence : SENTENCES.split(text.strip())) {
            if (sentence.strip().endsWith("?")) {
                question = sentence.strip();
            }
        }
        if (question == null) {
            return Optional.empty();
        }
        String[] clauses = CLAUSES.split(question);
        String last = clauses[clauses.length - 1].strip();
        return last.equals(text.strip()) || last.length() < 8 ? Optional.empty() : Optional.of(last);
    }
}
