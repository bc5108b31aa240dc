package it.sportello.store;

import it.sportello.contract.Reason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link EscalationStore} over JDBC. */
final class JdbcEscalationStore implements EscalationStore {

    private static final String SELECT = "select e.id as e_id, e.priority, e.status as e_status, e.created_at, "
            + "e.claimed_by, e.claimed_at, e.closed_by, e.closed_at, e.resolution, e.answer, " + Columns.MESSAGE
            + " from escalation e join message m on m.id = e.message_id ";

    private final Jdbc jdbc;

    JdbcEscalationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long open(long messageId, String tenant, Priority priority, Instant at) {
        return jdbc.inTransaction(c -> open(c, messageId, tenant, priority, at));
    }

    static long open(java.sql.Connection c, long messageId, String tenant, Priority priority, Instant at)
            throws SQLException {
        Optional<Long> existing = Jdbc.one(c, "select id from escalation where message_id = ?", rs -> rs.getLong(1),
                messageId);
        if (existing.isPresent()) {
            return existing.get();
        }
        return Jdbc.insert(c, "insert into escalation (message_id, tenant, priority, kind, status, created_at) "
                + "values (?, ?, ?, ?, ?, ?)", messageId, tenant, priority.rank(), priority, EscalationStatus.OPEN, at);
    }

    @Override
    public Optional<Escalation> find(long id) {
        return jdbc.one(SELECT + "where e.id = ?", JdbcEscalationStore::row, id);
    }

    @Override
    public Optional<Escalation> forMessage(long messageId) {
        return jdbc.one(SELECT + "where e.message_id = ?", JdbcEscalationStore::row, messageId);
    }

    @Override
    public List<Escalation> queue(QueueFilter filter) {
        StringBuilder sql = new StringBuilder(SELECT).append("where e.tenant = ?");
        List<Object> params = new ArrayList<>(List.of(filter.tenant()));
        if (!filter.statuses().isEmpty()) {
            sql.append(" and e.status in (")
                    .append(filter.statuses().stream().map(s -> "?").collect(Collectors.joining(", "))).append(')');
            filter.statuses().stream().sorted().forEach(params::add);
        }
        filter.reason().ifPresent(r -> {
            sql.append(" and m.reasons like ?");
            params.add("%," + r.wire() + ",%");
        });
        sql.append(" order by e.priority, e.created_at, e.id limit ?");
        params.add(filter.limit());
        return jdbc.query(sql.toString(), JdbcEscalationStore::row, params.toArray());
    }

    @Override
    public Map<Priority, Integer> pendingCounts(String tenant) {
        Map<Priority, Integer> counts = new EnumMap<>(Priority.class);
        jdbc.query("select priority, count(*) from escalation where tenant = ? and status in (?, ?) group by priority",
                rs -> counts.put(Priority.ofRank(rs.getInt(1)), rs.getInt(2)), tenant, EscalationStatus.OPEN,
                EscalationStatus.CLAIMED);
        return counts;
    }

    @Override
    public boolean claim(long id, String moderator, Instant at) {
        return jdbc.update("update escalation set status = ?, claimed_by = ?, claimed_at = ? where id = ? and status = ?",
                EscalationStatus.CLAIMED, moderator, at, id, EscalationStatus.OPEN) == 1;
    }

    @Override
    public boolean close(long id, String moderator, Resolution resolution, Optional<String> answer, Instant at) {
        return jdbc.update("update escalation set status = ?, closed_by = ?, closed_at = ?, resolution = ?, answer = ? "
                        + "where id = ? and status in (?, ?)", resolution.status(), moderator, at, resolution, answer, id,
                EscalationStatus.OPEN, EscalationStatus.CLAIMED) == 1;
    }

    @Override
    public List<QuestionCount> lowConfidenceQuestions(String tenant, Instant since, int limit) {
        record Asked(String text, Instant at) { }
        List<Asked> asked = jdbc.query("select m.text, m.received_at from escalation e join message m on m.id = e.message_id "
                        + "where e.tenant = ? and m.reasons like ? and m.received_at >= ? order by m.received_at desc limit 5000",
                rs -> new Asked(rs.getString(1), Jdbc.instant(rs, "received_at")), tenant,
                "%," + Reason.LOW_CONFIDENCE.wire() + ",%", since);
        Map<String, List<Asked>> byQuestion = new LinkedHashMap<>();
        asked.forEach(a -> byQuestion.computeIfAbsent(key(a.text()), k -> new ArrayList<>()).add(a));
        return byQuestion.values().stream()
                .map(same -> new QuestionCount(same.get(0).text(), same.size(), same.get(0).at()))
                .sorted(Comparator.comparingInt(QuestionCount::count).reversed()
                        .thenComparing(QuestionCount::lastAsked, Comparator.reverseOrder()))
                .limit(limit).toList();
    }

    /** The same question whatever the case, accents, punctuation and spacing. */
    static String key(String text) {
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ITALIAN), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static Escalation row(ResultSet rs) throws SQLException {
        StoredMessage message = Columns.message(rs);
        return new Escalation(rs.getLong("e_id"), message, Priority.ofRank(rs.getInt("priority")),
                Columns.named(EscalationStatus.class, rs.getString("e_status")), Jdbc.instant(rs, "created_at"),
                Jdbc.optionalString(rs, "claimed_by"), Jdbc.optionalInstant(rs, "claimed_at"),
                Jdbc.optionalString(rs, "closed_by"), Jdbc.optionalInstant(rs, "closed_at"),
                Jdbc.optionalString(rs, "resolution").map(r -> Columns.named(Resolution.class, r)),
                Jdbc.optionalString(rs, "answer"));
    }
}
