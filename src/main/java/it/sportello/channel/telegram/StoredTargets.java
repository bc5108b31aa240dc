package it.sportello.channel.telegram;

import it.sportello.contract.Channel;
import it.sportello.store.MessageStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds where a stored message lives on Telegram from its external id {@code "<chatId>:<messageId>"}; a
 * message of another tenant or channel has no target here.
 */
final class StoredTargets implements TelegramTargets {

    private static final int REMEMBERED = 4096;

    private final String tenant;
    private final MessageStore messages;
    /** Recent answers (a message's target never changes): the pace and the sender ask for the same item in turn. */
    private final Map<Long, Optional<TelegramTarget>> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Optional<TelegramTarget>> eldest) {
            return size() > REMEMBERED;
        }
    };

    StoredTargets(String tenant, MessageStore messages) {
        this.tenant = tenant;
        this.messages = messages;
    }

    @Override
    public Optional<TelegramTarget> find(long storedMessageId) {
        synchronized (recent) {
            Optional<TelegramTarget> known = recent.get(storedMessageId);
            if (known != null) {
                return known;
            }
        }
        Optional<TelegramTarget> target = lookUp(storedMessageId);
        synchronized (recent) {
            recent.put(storedMessageId, target);
        }
        return target;
    }

    private Optional<TelegramTarget> lookUp(long storedMessageId) {
        return messages.find(storedMessageId)
                .map(s -> s.message())
                .filter(m -> m.channel() == Channel.TELEGRAM && m.tenant().equals(tenant))
                .flatMap(m -> parse(m.id()));
    }

    static Optional<TelegramTarget> parse(String externalId) {
        int colon = externalId.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TelegramTarget(Long.parseLong(externalId.substring(0, colon)),
                    Integer.parseInt(externalId.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
