package it.sportello.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Telegram's Bot API on 127.0.0.1, enough of it for a bot: {@code getUpdates} serves a queue of pending updates
 * the way Telegram does (the offset confirms and drops what is below it, an empty queue holds the request up to
 * its timeout and answers as soon as an update arrives, a second concurrent {@code getUpdates} ends the first
 * with 409 Conflict); every other method succeeds ({@code sendMessage} with a message) unless a fault was
 * scripted for it. Every call is recorded with its parameters and the status it got. Method names arrive in
 * mixed case ({@code sendmessage}) and are matched in lower case.
 */
public final class FakeBotApi implements AutoCloseable {

    static {
        // Small answers written in two parts would wait for the client's delayed ACK (about 40 ms each) with
        // Nagle's algorithm on; the real platforms do not. Read once, when the JDK's server is first used.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** The token the fake accepts (any other gets 401). */
    public static final String TOKEN = "123456:fake-token-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DATE = 1_764_064_800L;

    /** An update put in the queue: its id, and the chat and message id of the message it carries. */
    public record Posted(int updateId, long chatId, int messageId, String json) {

        /** Sportello's external id of the message, {@code "<chatId>:<messageId>"}. */
        public String externalId() {
            return chatId + ":" + messageId;
        }
    }

    private record Answer(int status, String body, Duration delay) { }

    private final String token;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-bot-api");
        t.setDaemon(true);
        return t;
    });
    private final List<BotApiCall> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Answer>> scripted = new ConcurrentHashMap<>();
    /** Pending updates by id; guarded by {@code this}. */
    private final List<Posted> pending = new ArrayList<>();
    private final AtomicInteger nextUpdate = new AtomicInteger(1000);
    private final AtomicInteger nextMessage = new AtomicInteger(1);
    private final AtomicInteger nextSent = new AtomicInteger(90_000);
    /** Messages deleted, as {@code "<chatId>:<messageId>"}. */
    private final java.util.Set<String> deleted = ConcurrentHashMap.newKeySet();
    /** getUpdates requests held open right now. */
    private int waiting;
    /** Which getUpdates is the current one; an older one still waiting is ended with 409. */
    private long pollGeneration;

    public FakeBotApi() {
        this(TOKEN);
    }

    public FakeBotApi(String token) {
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base address to give the client ({@code SPORTELLO_TELEGRAM_API}). */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    // ---- updates ----

    /** A citizen writes to the bot in a private chat (the chat id is the user id). */
    public Posted privateMessage(long userId, String text) {
        return post(message(userId, "private", userId, false).put("text", text));
    }

    /** A citizen writes in a group or supergroup ({@code chatId} negative). */
    public Posted groupMessage(long chatId, long userId, String text) {
        return post(message(chatId, "supergroup", userId, false).put("text", text));
    }

    /**
     * A message object to fill in and {@link #post}: {@code message_id}, {@code date}, {@code chat} and
     * {@code from} are set.
     */
    public ObjectNode message(long chatId, String chatType, long userId, boolean bot) {
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", nextMessage.getAndIncrement()).put("date", DATE);
        m.putObject("chat").put("id", chatId).put("type", chatType);
        m.putObject("from").put("id", userId).put("is_bot", bot).put("first_name", bot ? "Bot" : "Cittadino");
        return m;
    }

    /** Queues an update carrying {@code message} under the {@code field} ("message", "edited_message"...). */
    public Posted post(String field, ObjectNode message) {
        return queue(update(field, message));
    }

    /** An update carrying {@code message}, not queued: for a webhook, which the test posts itself. */
    public Posted update(String field, ObjectNode message) {
        int id = nextUpdate.getAndIncrement();
        ObjectNode update = JSON.createObjectNode().put("update_id", id);
        update.set(field, message);
        return new Posted(id, message.path("chat").path("id").asLong(), message.path("message_id").asInt(),
                update.toString());
    }

    public Posted post(ObjectNode message) {
        return post("message", message);
    }

    /** The same update delivered again under a new update id, as after a crash before the offset was stored. */
    public Posted duplicate(Posted p) {
        int id = nextUpdate.getAndIncrement();
        try {
            ObjectNode update = (ObjectNode) JSON.readTree(p.json());
            update.put("update_id", id);
            return queue(new Posted(id, p.chatId(), p.messageId(), update.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Queues raw text as an update (it may be malformed); the update id is given so the offset can pass it. */
    public Posted postRaw(int updateId, String updateJson) {
        return queue(new Posted(updateId, 0, 0, updateJson));
    }

    /** A fresh update id, for {@link #postRaw}. */
    public int nextUpdateId() {
        return nextUpdate.getAndIncrement();
    }

    private synchronized Posted queue(Posted p) {
        pending.add(p);
        notifyAll();
        return p;
    }

    /** The author deletes a posted message (a later reply to it can no longer quote it). */
    public void deleteByAuthor(Posted p) {
        deleteByAuthor(p.chatId(), p.messageId());
    }

    public void deleteByAuthor(long chatId, int messageId) {
        deleted.add(chatId + ":" + messageId);
    }

    /** Updates not yet confirmed by an offset. */
    public synchronized int pendingUpdates() {
        return pending.size();
    }

    /** How many getUpdates requests are being held open, waiting for an update. */
    public synchronized int pollsWaiting() {
        return waiting;
    }

    // ---- faults ----

    /** The next call of {@code method} gets this answer (after {@code delay}); later ones succeed again. */
    public FakeBotApi answer(String method, int status, String body, Duration delay) {
        scripted.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>())
                .add(new Answer(status, body, delay));
        return this;
    }

    /** The next call of {@code method} fails like the Bot API does: {@code ok:false}, the code and description. */
    public FakeBotApi fail(String method, int status, String description) {
        return failTimes(method, 1, status, description);
    }

    public FakeBotApi failTimes(String method, int times, int status, String description) {
        for (int i = 0; i < times; i++) {
            Answer a = error(status, description);
            answer(method, a.status(), a.body(), Duration.ZERO);
        }
        return this;
    }

    /** The next call of {@code method} gets 429 with {@code parameters.retry_after}. */
    public FakeBotApi rateLimit(String method, int retryAfterSeconds) {
        ObjectNode body = JSON.createObjectNode().put("ok", false).put("error_code", 429)
                .put("description", "Too Many Requests: retry after " + retryAfterSeconds);
        body.putObject("parameters").put("retry_after", retryAfterSeconds);
        return answer(method, 429, body.toString(), Duration.ZERO);
    }

    /** The next call of {@code method} answers only after {@code delay} (longer than the client waits: a timeout). */
    public FakeBotApi delay(String method, Duration delay) {
        String body = method.equalsIgnoreCase("getUpdates") ? "{\"ok\":true,\"result\":[]}" : "{\"ok\":true,\"result\":true}";
        return answer(method, 200, body, delay);
    }

    // ---- what was called ----

    public List<BotApiCall> calls() {
        return List.copyOf(calls);
    }

    public List<BotApiCall> calls(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        return calls.stream().filter(c -> c.method().equals(m)).toList();
    }

    /** Successful calls of {@code method} that match. */
    public long count(String method, Predicate<BotApiCall> which) {
        return calls(method).stream().filter(BotApiCall::ok).filter(which).count();
    }

    /** Successful {@code sendMessage} calls answering the posted message, in its chat. */
    public List<BotApiCall> repliesTo(Posted p) {
        return calls("sendMessage").stream().filter(BotApiCall::ok)
                .filter(c -> c.chatId().equals(Optional.of(p.chatId())) && c.replyTo().equals(Optional.of(p.messageId())))
                .toList();
    }

    /**
     * How many successful replies each message got, by {@link Posted#externalId()}: one pass over the calls, for
     * checking thousands of messages at once.
     */
    public Map<String, Integer> replyCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (BotApiCall c : calls("sendMessage")) {
            if (c.ok() && c.chatId().isPresent() && c.replyTo().isPresent()) {
                counts.merge(c.chatId().get() + ":" + c.replyTo().get(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Successful {@code deleteMessage} calls on the posted message. */
    public List<BotApiCall> deletionsOf(Posted p) {
        return calls("deleteMessage").stream().filter(BotApiCall::ok)
                .filter(c -> c.chatId().equals(Optional.of(p.chatId())) && c.messageId().equals(Optional.of(p.messageId())))
                .toList();
    }

    /** Waits until {@code condition} holds, checking every 20 ms; fails with {@code what} after {@code deadline}. */
    public static void await(String what, Duration deadline, BooleanSupplier condition) {
        Await.until(what, deadline, condition);
    }

    // ---- the server ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + token + "/";
            if (!path.startsWith(prefix)) {
                respond(exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode params = params(exchange.getRequestHeaders().getFirst("Content-Type"), body);
            Answer answer;
            synchronized (this) {
                Queue<Answer> queue = scripted.get(method);
                answer = queue == null ? null : queue.poll();
            }
            if (answer == null) {
                answer = method.equals("getupdates") ? updates(params) : success(method, params);
            }
            calls.add(new BotApiCall(method, params, answer.status()));
            if (!answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            respond(exchange, answer.status(), answer.body());
        }
    }

    /** Drops what the offset confirms; answers what is pending, or waits for it up to the timeout. */
    private synchronized Answer updates(JsonNode params) {
        long offset = params.path("offset").asLong(0);
        int limit = params.path("limit").asInt(100);
        long timeoutMillis = TimeUnit.SECONDS.toMillis(params.path("timeout").asLong(0));
        long generation = ++pollGeneration;
        notifyAll();
        long end = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            if (generation != pollGeneration) {
                return new Answer(409, "{\"ok\":false,\"error_code\":409,\"description\":\"Conflict: terminated by other "
                        + "getUpdates request; make sure that only one bot instance is running\"}", Duration.ZERO);
            }
            if (offset > 0) {
                pending.removeIf(p -> p.updateId() < offset);
            }
            List<Posted> batch = pending.stream().sorted((a, b) -> Integer.compare(a.updateId(), b.updateId()))
                    .limit(limit).toList();
            long left = end - System.currentTimeMillis();
            if (!batch.isEmpty() || left <= 0) {
                StringBuilder out = new StringBuilder("{\"ok\":true,\"result\":[");
                for (int i = 0; i < batch.size(); i++) {
                    out.append(i == 0 ? "" : ",").append(batch.get(i).json());
                }
                return new Answer(200, out.append("]}").toString(), Duration.ZERO);
            }
            waiting++;
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(200, "{\"ok\":true,\"result\":[]}", Duration.ZERO);
            } finally {
                waiting--;
            }
        }
    }

    /**
     * What Telegram answers a well-formed call: a deleted message cannot be deleted again, and a reply to it is
     * sent without the quote only when {@code allow_sending_without_reply} says so.
     */
    private Answer success(String method, JsonNode params) {
        BotApiCall call = new BotApiCall(method, params, 200);
        if (method.equals("sendmessage")) {
            Optional<Integer> replyTo = call.replyTo();
            boolean withoutReply = params.path("reply_parameters").path("allow_sending_without_reply").asBoolean(false)
                    || params.path("allow_sending_without_reply").asBoolean(false);
            if (replyTo.isPresent() && deleted.contains(call.chatId().orElse(0L) + ":" + replyTo.get()) && !withoutReply) {
                return error(400, "Bad Request: message to be replied not found");
            }
            long chat = params.path("chat_id").asLong();
            ObjectNode result = JSON.createObjectNode().put("message_id", nextSent.getAndIncrement()).put("date", DATE)
                    .put("text", params.path("text").asText(""));
            result.putObject("chat").put("id", chat).put("type", chat > 0 ? "private" : "supergroup");
            result.putObject("from").put("id", Long.parseLong(token.substring(0, token.indexOf(':'))))
                    .put("is_bot", true).put("first_name", "Sportello");
            return new Answer(200, JSON.createObjectNode().put("ok", true).set("result", result).toString(), Duration.ZERO);
        }
        if (method.equals("deletemessage")
                && !deleted.add(call.chatId().orElse(0L) + ":" + call.messageId().orElse(0))) {
            return error(400, "Bad Request: message to delete not found");
        }
        if (method.equals("getme")) {
            return new Answer(200, "{\"ok\":true,\"result\":{\"id\":" + token.substring(0, token.indexOf(':'))
                    + ",\"is_bot\":true,\"first_name\":\"Sportello\",\"username\":\"SportelloBot\"}}", Duration.ZERO);
        }
        return new Answer(200, "{\"ok\":true,\"result\":true}", Duration.ZERO);
    }

    private static Answer error(int status, String description) {
        return new Answer(status, JSON.createObjectNode().put("ok", false).put("error_code", status)
                .put("description", description).toString(), Duration.ZERO);
    }

    private static JsonNode params(String contentType, String body) throws IOException {
        if (contentType != null && contentType.startsWith("application/json")) {
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        }
        ObjectNode form = JSON.createObjectNode();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        synchronized (this) {
            pollGeneration++;
            notifyAll();
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
