package it.sportello.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * One call to the {@link FakeBotApi} as it arrived: the method in lower case, its parameters (JSON or form), the
 * status answered.
 */
public record BotApiCall(String method, JsonNode params, int status) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Optional<Long> chatId() {
        return number(params.path("chat_id"));
    }

    public Optional<String> text() {
        JsonNode t = params.path("text");
        return t.isMissingNode() || t.isNull() ? Optional.empty() : Optional.of(t.asText());
    }

    /** The message a {@code sendMessage} answers ({@code reply_parameters} or the older {@code reply_to_message_id}). */
    public Optional<Integer> replyTo() {
        JsonNode p = params.path("reply_parameters");
        if (p.isTextual()) {
            try {
                p = JSON.readTree(p.asText());
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return number(p.path("message_id")).or(() -> number(params.path("reply_to_message_id"))).map(Long::intValue);
    }

    public Optional<Integer> messageId() {
        return number(params.path("message_id")).map(Long::intValue);
    }

    public Optional<Long> userId() {
        return number(params.path("user_id"));
    }

    public boolean ok() {
        return status == 200;
    }

    private static Optional<Long> number(JsonNode n) {
        if (n.isIntegralNumber()) {
            return Optional.of(n.asLong());
        }
        if (n.isTextual()) {
            try {
                return Optional.of(Long.parseLong(n.asText()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
