package it.sportello.channel.telegram;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A Bot API on 127.0.0.1 that records every call and answers what the test scripted for its method, or
 * success. The library sends method names in mixed case ({@code sendmessage}), so they are matched in lower case.
 */
final class FakeBotApi implements AutoCloseable {

    static final String TOKEN = "123456:fake-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call as it arrived: the method in lower case and its parameters, whether sent as JSON or as a form. */
    record Call(String method, JsonNode params) { }

    private record Answer(int status, String body, Duration delay) { }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Answer>> scripted = new ConcurrentHashMap<>();

    FakeBotApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The next call of {@code method} gets this answer (after {@code delay}); later ones succeed again. */
    FakeBotApi answer(String method, int status, String body, Duration delay) {
        scripted.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>())
                .add(new Answer(status, body, delay));
        return this;
    }

    FakeBotApi fail(String method, int status, String description) {
        ObjectNode body = JSON.createObjectNode().put("ok", false).put("error_code", status).put("description", description);
        return answer(method, status, body.toString(), Duration.ZERO);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method.toLowerCase(Locale.ROOT))).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + TOKEN + "/";
            if (!path.startsWith(prefix)) {
                respond(exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(method, params(exchange.getRequestHeaders().getFirst("Content-Type"), body)));
            Queue<Answer> queue = scripted.get(method);
            Answer answer;
            synchronized (this) {
                answer = queue == null ? null : queue.poll();
            }
            if (answer == null) {
                answer = new Answer(200, success(method), Duration.ZERO);
            }
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

    private static String success(String method) {
        if (method.equals("sendmessage")) {
            return "{\"ok\":true,\"result\":{\"message_id\":1001,\"date\":1764064800,"
                    + "\"chat\":{\"id\":-1001234,\"type\":\"supergroup\"},\"text\":\"ok\"}}";
        }
        return "{\"ok\":true,\"result\":true}";
    }

    private static JsonNode params(String contentType, String body) throws IOException {
        if (contentType != null && contentType.startsWith("application/json")) {
            return JSON.readTree(body);
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
    public void close() throws InterruptedException {
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
