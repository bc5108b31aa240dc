package it.sportello.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.contract.Action;
import it.sportello.contract.Channel;
import it.sportello.contract.Decision;
import it.sportello.contract.Evidence;
import it.sportello.contract.EvidenceJson;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import it.sportello.contract.Reason;
import it.sportello.contract.Sanction;
import it.sportello.contract.SectionRef;
import it.sportello.contract.WireName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How contract values are spelled in columns, and a stored message read back from its row. */
final class Columns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<SectionRef>> SECTIONS = new TypeReference<>() { };

    /** The columns of {@code message}, for queries that read whole rows ({@code m.} prefixed). */
    static final String MESSAGE = "m.id, m.tenant, m.channel, m.kind, m.external_id, m.author, m.sent_at, m.received_at, "
            + "m.text, m.personal_data, m.status, m.action, m.reasons, m.hide, m.sanction, m.sections, m.reply, "
            + "m.confidence, m.evidence, m.error";

    private Columns() {
    }

    /** {@code ,insult,personal_data,}: one reason is found with {@code LIKE '%,insult,%'}. */
    static String reasons(List<Reason> reasons) {
        return reasons.stream().map(Reason::wire).collect(Collectors.joining(",", ",", ","));
    }

    static List<Reason> reasons(String column) {
        if (column == null) {
            return List.of();
        }
        return Arrays.stream(column.split(",")).filter(s -> !s.isEmpty()).map(Reason::fromWire).toList();
    }

    static String sections(List<SectionRef> sections) {
        try {
            return JSON.writeValueAsString(sections);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write sections", e);
        }
    }

    static List<SectionRef> sections(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        try {
            return JSON.readValue(column, SECTIONS);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored sections are not valid JSON", e);
        }
    }

    /** The evidence as JSON, its last signals left out if it would not fit the column. */
    static String evidence(Evidence evidence) {
        List<Evidence.Signal> signals = evidence.signals();
        for (int n = signals.size(); n > 0; n--) {
            String json = EvidenceJson.write(new Evidence(signals.subList(0, n))).toString();
            if (json.length() <= 4000) {
                return json;
            }
        }
        return null;
    }

    static Evidence evidence(String column) {
        if (column == null) {
            return Evidence.NONE;
        }
        try {
            return EvidenceJson.read(JSON.readTree(column));
        } catch (JsonProcessingException e) {
            throw new StoreException("stored evidence is not valid JSON", e);
        }
    }

    static <E extends Enum<E> & WireName> E wire(Class<E> type, String column) {
        return WireName.parse(type, column)
                .orElseThrow(() -> new StoreException("unknown " + type.getSimpleName() + " '" + column + "' in the store"));
    }

    static <E extends Enum<E>> E named(Class<E> type, String column) {
        return Enum.valueOf(type, column.toUpperCase(Locale.ROOT));
    }

    static StoredMessage message(ResultSet rs) throws SQLException {
        Message message = new Message(rs.getString("external_id"), rs.getString("tenant"),
                wire(Channel.class, rs.getString("channel")), wire(Kind.class, rs.getString("kind")),
                rs.getString("author"), Jdbc.instant(rs, "sent_at").atOffset(ZoneOffset.UTC), rs.getString("text"));
        MessageStatus status = named(MessageStatus.class, rs.getString("status"));
        Optional<Decision> decision = Optional.empty();
        String action = rs.getString("action");
        if (action != null) {
            decision = Optional.of(new Decision(message.id(), wire(Action.class, action), reasons(rs.getString("reasons")),
                    rs.getBoolean("hide"), wire(Sanction.class, rs.getString("sanction")),
                    sections(rs.getString("sections")), Optional.ofNullable(rs.getString("reply")).orElse(""),
                    rs.getDouble("confidence"), evidence(rs.getString("evidence")), Jdbc.optionalString(rs, "error")));
        }
        return new StoredMessage(rs.getLong("id"), message, rs.getBoolean("personal_data"),
                Jdbc.instant(rs, "received_at"), status, decision);
    }
}
