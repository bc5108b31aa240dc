package it.sportello.channel.facebook;

import facebook4j.Facebook;
import facebook4j.FacebookException;
import facebook4j.RawAPIResponse;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import it.sportello.delivery.ChannelSender;
import it.sportello.delivery.Delivery;
import it.sportello.store.MessageStore;
import it.sportello.store.OutboxItem;
import it.sportello.store.StoredMessage;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Carries outbox items out on a Facebook page: on a comment (the stored message's external id is the
 * Graph comment id) a reply, a hide, a restore or a deletion through facebook4j; a block or its lift on the
 * page; and, for a Messenger conversation, the reply through {@link MessengerClient}. A private message
 * cannot be hidden or deleted by the page, so those items are rejected.
 */
public final class FacebookSender implements ChannelSender {

    private static final String RECIPIENT_PREFIX = "fb:";

    private final String pageId;
    private final Facebook graph;
    private final MessageStore messages;
    private final Optional<MessengerClient> messenger;

    public FacebookSender(String pageId, Facebook graph, MessageStore messages, Optional<MessengerClient> messenger) {
        this.pageId = Objects.requireNonNull(pageId, "pageId");
        this.graph = Objects.requireNonNull(graph, "graph");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
    }

    @Override
    public Delivery send(OutboxItem item) {
        Optional<Message> message = item.messageId().flatMap(messages::find).map(StoredMessage::message);
        switch (item.kind()) {
            case BAN:
                return block(item, message, true);
            case UNBAN:
                return block(item, message, false);
            default:
                break;
        }
        if (message.isEmpty()) {
            return new Delivery.Rejected("no stored Facebook message for the item");
        }
        Message m = message.get();
        if (m.kind() == Kind.MESSAGE) {
            return privately(item, m);
        }
        String comment = m.id();
        return switch (item.kind()) {
            case REPLY -> call("graph reply", () -> {
                graph.commentPost(comment, item.text().orElseThrow());
                return true;
            });
            case HIDE -> call("graph hide", () -> succeeded(graph.callPostAPI(comment, Map.of("is_hidden", "true"))));
            case RESTORE -> call("graph restore", () -> succeeded(graph.callPostAPI(comment, Map.of("is_hidden", "false"))));
            case DELETE -> call("graph delete", () -> graph.deleteComment(comment));
            case BAN, UNBAN -> throw new IllegalStateException("handled above");
        };
    }

    private Delivery privately(OutboxItem item, Message m) {
        return switch (item.kind()) {
            case REPLY -> messenger.map(client -> user(item)
                            .map(psid -> client.send(psid, item.text().orElseThrow()))
                            .orElseGet(FacebookSender::notAUser))
                    .orElseGet(() -> new Delivery.Rejected("Messenger is not on for this page"));
            case HIDE, RESTORE, DELETE -> new Delivery.Rejected("a Messenger message is private: the page cannot "
                    + item.kind().name().toLowerCase() + " it");
            case BAN, UNBAN -> throw new IllegalStateException("handled above");
        };
    }

    /**
     * {@code POST /{page-id}/blocked} and its {@code DELETE}: facebook4j's block sends the user as
     * {@code uid}; the current Graph reference names {@code user} (and {@code psid} for a Messenger
     * conversation's page-scoped id), so the raw calls are used.
     */
    private Delivery block(OutboxItem item, Optional<Message> message, boolean on) {
        Optional<String> user = user(item);
        if (user.isEmpty()) {
            return notAUser();
        }
        String param = message.map(Message::kind).filter(k -> k == Kind.MESSAGE).isPresent() ? "psid" : "user";
        Map<String, String> params = Map.of(param, user.get());
        if (on) {
            return call("graph block", () -> {
                RawAPIResponse r = graph.callPostAPI(pageId + "/blocked", params);
                return !r.isJSONObject() || r.asJSONObject().optBoolean(user.get(), true);
            });
        }
        return call("graph unblock", () -> succeeded(graph.callDeleteAPI(pageId + "/blocked", params)));
    }

    private interface GraphCall {
        boolean run() throws FacebookException;
    }

    private static Delivery call(String operation, GraphCall call) {
        try {
            return call.run() ? new Delivery.Sent() : new Delivery.Rejected(operation + ": Facebook answered no success");
        } catch (FacebookException e) {
            return GraphError.of(operation, e).delivery();
        }
    }

    private static boolean succeeded(RawAPIResponse r) throws FacebookException {
        if (r.isBoolean()) {
            return r.asBoolean();
        }
        return !r.isJSONObject() || r.asJSONObject().optBoolean("success", true);
    }

    private static Optional<String> user(OutboxItem item) {
        String r = item.recipient();
        if (!r.startsWith(RECIPIENT_PREFIX) || !r.substring(RECIPIENT_PREFIX.length()).matches("\\d{1,30}")) {
            return Optional.empty();
        }
        return Optional.of(r.substring(RECIPIENT_PREFIX.length()));
    }

    private static Delivery notAUser() {
        return new Delivery.Rejected("the recipient is not a Facebook user");
    }
}
