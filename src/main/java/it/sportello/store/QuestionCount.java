package it.sportello.store;

import java.time.Instant;

/** A question the bot escalated for low confidence, how often it was asked, and when last. */
public record QuestionCount(String text, int count, Instant lastAsked) {
}
