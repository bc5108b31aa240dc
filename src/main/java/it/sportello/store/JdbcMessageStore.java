package it.sportello.store;

import it.sportello.contract.Action;
import it.sportello.contract.Decision;
import it.sportello.contract.Message;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link MessageStore} over JDBC. */
final class JdbcMessageStore implements MessageStore {

    private static final String BY_DELIVERY = "select " + Columns.MESSAGE
            + " from message m where m.tenant = ? and m.channel = ? and m.external_id = ?";

    private final Jdbc jdbc;

    JdbcMessageStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Accepted accept(Message m, boolean personalData, Instant receivedAt) {
        try {
            long id = jdbc.inTransaction(c -> Jdbc.insert(c,
                    "insert into message (tenant, channel, kind, external_id, author, sent_at, received_at, text, "
                            + "personal_data, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    m.tenant(), m.channel(), m.kind(), m.id(), m.author(), m.time().toInstant(), receivedAt, m.text(),
                    personalData, MessageStatus.RECEIVED));
            return new Accepted(new StoredMessage(id, m, personalData, receivedAt, MessageStatus.RECEIVED,
                    Optional.empty()), false);
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException s && Jdbc.isDuplicateKey(s)) {
                StoredMessage existing = jdbc.one(BY_DELIVERY, Columns::message, m.tenant(), m.channel(), m.id())
                        .orElseThrow(() -> new StoreException("a duplicate delivery vanished", e));
                return new Accepted(existing, true);
            }
            throw e;
        }
    }

    @Override
    public Recorded decided(StoredMessage m, Decision d, Followups followups, Instant at) {
        return jdbc.inTransaction(c -> {
            decided(c, m.id(), d, at);
            Message msg = m.message();
            Optional<Long> escalation = followups.escalation().isEmpty() ? Optional.empty()
                    : Optional.of(JdbcEscalationStore.open(c, m.id(), msg.tenant(), followups.escalation().get(), at));
            Optional<Long> ban = followups.proposeBan()
                    ? Optional.of(JdbcBanStore.propose(c, msg.tenant(), msg.author(), msg.channel(), m.id(), at))
                    : Optional.empty();
            for (OutboxItem item : followups.outbox()) {
                JdbcOutboxStore.enqueue(c, item);
            }
            return new Recorded(escalation, ban);
        });
    }

    @Override
    public void decided(long id, Decision d, Instant at) {
        jdbc.inTransaction(c -> decided(c, id, d, at));
    }

    private static int decided(java.sql.Connection c, long id, Decision d, Instant at) throws SQLException {
        return Jdbc.update(c, "update message set status = ?, action = ?, reasons = ?, hide = ?, sanction = ?, sections = ?, "
                        + "reply = ?, confidence = ?, evidence = ?, error = ?, decided_at = ? where id = ?",
                d.action() == Action.ERROR ? MessageStatus.FAILED : MessageStatus.DECIDED, d.action().wire(),
                Columns.reasons(d.reasons()), d.hide(), d.sanction().wire(), Columns.sections(d.sections()), d.reply(),
                d.confidence(), Columns.evidence(d.evidence()), d.error(), at, id);
    }

    @Override
    public void failed(long id, String error, Instant at) {
        jdbc.update("update message set status = ?, action = ?, reasons = ',', hide = false, sanction = 'none', reply = '', "
                        + "confidence = 0, error = ?, decided_at = ? where id = ?",
                MessageStatus.FAILED, Action.ERROR.wire(), error.length() > 400 ? error.substring(0, 400) : error, at, id);
    }

    @Override
    public Optional<StoredMessage> find(long id) {
        return jdbc.one("select " + Columns.MESSAGE + " from message m where m.id = ?", Columns::message, id);
    }

    @Override
    public List<StoredMessage> undecided(int limit) {
        return jdbc.query("select " + Columns.MESSAGE + " from message m where m.status = ? order by m.id limit ?",
                Columns::message, MessageStatus.RECEIVED, limit);
    }

    @Override
    public List<StoredMessage> moderatedOf(String tenant, String author, Instant since, int limit) {
        return jdbc.query("select " + Columns.MESSAGE + " from message m where m.tenant = ? and m.author = ? "
                        + "and m.action = ? and m.received_at >= ? order by m.received_at desc, m.id desc limit ?",
                Columns::message, tenant, author, Action.MODERATE.wire(), since, limit);
    }
}
