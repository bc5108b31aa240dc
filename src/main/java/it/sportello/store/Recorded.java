package it.sportello.store;

import java.util.Optional;

/** The escalation and ban proposal a recorded decision opened, if any. */
public record Recorded(Optional<Long> escalation, Optional<Long> ban) {
}
