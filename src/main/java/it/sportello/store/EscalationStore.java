package it.sportello.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Escalations: created by the pipeline, worked by moderators in the console. */
public interface EscalationStore {

    /** Opens an escalation for message {@code messageId}; a second call for the same message returns the first. */
    long open(long messageId, String tenant, Priority priority, Instant at);

    Optional<Escalation> find(long id);

    Optional<Escalation> forMessage(long messageId);

    /** The queue: emergencies first, then by priority, then oldest first. */
    List<Escalation> queue(QueueFilter filter);

    /** Count of open and claimed escalations of {@code tenant}, by priority. */
    java.util.Map<Priority, Integer> pendingCounts(String tenant);

    /** Takes an open escalation; false when someone else took or closed it first. */
    boolean claim(long id, String moderator, Instant at);

    /**
     * Closes an open or claimed escalation; false when it was already closed. {@code answer} is the
     * moderator's reply, when the resolution is one.
     */
    boolean close(long id, String moderator, Resolution resolution, Optional<String> answer, Instant at);

    /** Questions escalated for {@code low_confidence} since {@code since}, most frequent first. */
    List<QuestionCount> lowConfidenceQuestions(String tenant, Instant since, int limit);
}
