package it.sportello.testing;

import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Skips a test whose service is missing on a developer's machine, but fails it where CI requires the service. */
final class Requirement {

    private Requirement() {
    }

    /**
     * Never returns: aborts the test (skipped) with {@code why}, or fails it when {@code requireVar} is 1 in
     * {@code env}, so that CI can never pass by skipping silently.
     */
    static <T> T missing(Map<String, String> env, String requireVar, String why) {
        if ("1".equals(env.get(requireVar))) {
            return Assertions.fail(why + " (" + requireVar + "=1 requires it)");
        }
        return Assumptions.abort(why);
    }
}
