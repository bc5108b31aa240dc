package it.sportello.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What a platform did with one outbox item. */
public sealed interface Delivery {

    /** Carried out. */
    record Sent() implements Delivery { }

    /** Not now (a timeout, a 5xx, a 429): try again, not before {@code after} when the platform said so. */
    record Retry(Optional<Duration> after, String error) implements Delivery {
        public Retry {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(error, "error");
        }
    }

    /** Never (the comment was deleted, the user is gone, the request is invalid). */
    record Rejected(String error) implements Delivery {
        public Rejected {
            Objects.requireNonNull(error, "error");
        }
    }
}
