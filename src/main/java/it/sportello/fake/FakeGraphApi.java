package it.sportello.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Graph API on 127.0.0.1 for one page, enough for Sportello's Facebook channel: the page's posts, their
 * comments (paged as Graph pages them, with absolute {@code next} addresses), replies, hiding, deleting,
 * blocking, and Messenger's Send API. It checks the access token (Graph's error 190 otherwise), records every
 * call and the Graph version it named, and answers scripted faults: the next calls of a path get an error, a
 * delay, or usage headers. Used by the tests and for trying {@code serve} without Facebook
 * ({@code SPORTELLO_GRAPH_API}).
 */
public final class FakeGraphApi implements AutoCloseable {

    static {
        // Small answers written in two parts would wait for the client's delayed ACK (about 40 ms each) with
        // Nagle's algorithm on; the real platforms do not. Read once, when the JDK's server is first used.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
            .withZone(ZoneOffset.UTC);
    private static final Pattern VERSIONED = Pattern.compile("/(v\\d+\\.\\d+)(/.*)");

    /** One call as it arrived (the token left out): method, path after the version, parameters. */
    public record Call(String method, String version, String path, Map<String, String> params) { }

    /** A comment as the fake holds it. */
    public record Comment(String id, String postId, Optional<String> parent, String fromId, String text, Instant at) { }

    private record Fault(String method, Pattern path, int status, String body, Duration delay, Map<String, String> headers) { }

    private final String pageId;
    private final String token;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-graph");
        t.setDaemon(true);
        return t;
    });
    /** Random, so that two fakes in one test run never hand in the same comment ids. */
    private final AtomicLong ids = new AtomicLong(ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L) * 1000);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Map<String, Instant> posts = new ConcurrentHashMap<>();
    private final Map<String, Comment> comments = new ConcurrentHashMap<>();
    private final Map<String, List<String>> replies = new ConcurrentHashMap<>();
    private final Set<String> hidden = ConcurrentHashMap.newKeySet();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private final Set<String> blocked = ConcurrentHashMap.newKeySet();
    private final Map<String, List<String>> messages = new ConcurrentHashMap<>();
    private volatile int pageSize = 25;

    public FakeGraphApi(String pageId, String token) {
        this.pageId = pageId;
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}, without a version: what {@code facebook.graph} takes. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String pageId() {
        return pageId;
    }

    // ---- the page's content

    /** A post of the page, created at {@code at}; returns its id ({@code <page>_<n>}). */
    public String addPost(Instant at) {
        String id = pageId + "_" + ids.incrementAndGet();
        posts.put(id, at);
        return id;
    }

    /** A citizen's (or the page's, when {@code fromId} is the page id) comment on {@code postId}. */
    public String addComment(String postId, String fromId, String text, Instant at) {
        if (!posts.containsKey(postId)) {
            throw new IllegalArgumentException("no post " + postId);
        }
        return put(postId, Optional.empty(), fromId, text, at);
    }

    /** A reply to comment {@code commentId}, in its thread. */
    public String addReply(String commentId, String fromId, String text, Instant at) {
        Comment parent = comments.get(commentId);
        return put(parent.postId(), Optional.of(commentId), fromId, text, at);
    }

    private String put(String postId, Optional<String> parent, String fromId, String text, Instant at) {
        String id = postId.substring(postId.indexOf('_') + 1) + "_" + ids.incrementAndGet();
        comments.put(id, new Comment(id, postId, parent, fromId, text, at));
        return id;
    }

    /** Deletes a comment as its author would (before a reply arrives, say). */
    public void deleteByAuthor(String commentId) {
        deleted.add(commentId);
    }

    /** How many comments a page of {@code /comments} holds at most (Graph's {@code limit} also applies). */
    public void pageSize(int size) {
        this.pageSize = size;
    }

    // ---- what the tests inspect

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Calls whose method is {@code method} and whose path (after the version) matches {@code pathRegex}. */
    public List<Call> calls(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex);
        return calls.stream().filter(c -> c.method().equals(method) && p.matcher(c.path()).matches()).toList();
    }

    /** The Graph versions the calls named, e.g. {@code v21.0}. */
    public Set<String> versions() {
        return Set.copyOf(calls.stream().map(Call::version).toList());
    }

    /** The page's replies to {@code commentId}, in order. */
    public List<String> replies(String commentId) {
        return List.copyOf(replies.getOrDefault(commentId, List.of()));
    }

    public boolean hidden(String commentId) {
        return hidden.contains(commentId);
    }

    public boolean deleted(String commentId) {
        return deleted.contains(commentId);
    }

    public Set<String> blocked() {
        return Set.copyOf(blocked);
    }

    /** The texts sent through the Send API to {@code psid}. */
    public List<String> messagesTo(String psid) {
        return List.copyOf(messages.getOrDefault(psid, List.of()));
    }

    public Map<String, Comment> comments() {
        return Map.copyOf(comments);
    }

    // ---- faults

    /** The next {@code times} calls of {@code method} on a path matching {@code pathRegex} answer a Graph error. */
    public FakeGraphApi fail(String method, String pathRegex, int times, int status, int code, int subcode, String message) {
        return answer(method, pathRegex, times, status, error(code, subcode, message), Duration.ZERO, Map.of());
    }

    /** The next {@code times} calls answer {@code status} and {@code body} after {@code delay}, with {@code headers}. */
    public FakeGraphApi answer(String method, String pathRegex, int times, int status, String body, Duration delay,
                               Map<String, String> headers) {
        for (int i = 0; i < times; i++) {
            faults.add(new Fault(method, Pattern.compile(pathRegex), status, body, delay, Map.copyOf(headers)));
        }
        return this;
    }

    /** The next call is answered normally, but only after {@code delay} (a client's read timeout). */
    public FakeGraphApi delay(String method, String pathRegex, Duration delay) {
        return answer(method, pathRegex, 1, 0, "", delay, Map.of());
    }

    /** Graph's error body. */
    public static String error(int code, int subcode, String message) {
        ObjectNode e = JSON.createObjectNode();
        ObjectNode inner = e.putObject("error").put("message", message)
                .put("type", code == 190 || code == 4 || code == 613 ? "OAuthException" : "GraphMethodException")
                .put("code", code).put("fbtrace_id", "AbCdEfGh123");
        if (subcode > 0) {
            inner.put("error_subcode", subcode);
        }
        return e.toString();
    }

    /** {@code sha256=<hex>}: what Facebook puts in {@code X-Hub-Signature-256} of a webhook delivery. */
    public static String sign(String body, String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@code deadline}. */
    public static void await(String what, Duration deadline, BooleanSupplier condition) {
        Await.until(what, deadline, condition);
    }

    // ---- serving

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String rawPath = ex.getRequestURI().getRawPath();
            Matcher m = VERSIONED.matcher(rawPath);
            if (!m.matches()) {
                send(ex, 400, error(2500, 0, "Unknown path components: " + rawPath), Map.of());
                return;
            }
            String version = m.group(1);
            String path = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
            String method = ex.getRequestMethod();
            byte[] body = ex.getRequestBody().readAllBytes();
            Map<String, String> params = new TreeMap<>(query(ex.getRequestURI().getRawQuery()));
            String contentType = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
            JsonNode json = null;
            if (contentType.startsWith("application/json")) {
                json = JSON.readTree(body);
            } else if (body.length > 0) {
                params.putAll(query(new String(body, StandardCharsets.UTF_8)));
            }
            String given = params.remove("access_token");
            params.remove("appsecret_proof");
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (given == null && auth != null && auth.startsWith("Bearer ")) {
                given = auth.substring("Bearer ".length());
            }
            if (json != null) {
                params.put("json", json.toString());
            }
            calls.add(new Call(method, version, path, Map.copyOf(params)));
            Optional<Fault> fault = takeFault(method, path);
            if (fault.isPresent()) {
                Fault f = fault.get();
                if (!f.delay().isZero()) {
                    sleep(f.delay());
                }
                if (f.status() > 0) {
                    send(ex, f.status(), f.body(), f.headers());
                    return;
                }
            }
            if (!token.equals(given)) {
                send(ex, 400, error(190, 0, "Invalid OAuth access token - Cannot parse access token"), Map.of());
                return;
            }
            route(ex, method, path, params, json, version, given);
        } catch (RuntimeException e) {
            send(ex, 500, error(1, 0, "An unknown error occurred"), Map.of());
        }
    }

    private Optional<Fault> takeFault(String method, String path) {
        for (Fault f : faults) {
            if (f.method().equals(method) && f.path().matcher(path).matches() && faults.remove(f)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private void route(HttpExchange ex, String method, String path, Map<String, String> params, JsonNode json,
                       String version, String given) throws IOException {
        String[] parts = path.substring(1).split("/");
        String node = parts[0];
        String edge = parts.length > 1 ? parts[1] : "";
        if (method.equals("GET") && node.equals(pageId) && (edge.equals("posts") || edge.equals("feed"))) {
            send(ex, 200, posts(params), Map.of());
        } else if (method.equals("GET") && edge.equals("comments") && (posts.containsKey(node) || comments.containsKey(node))) {
            send(ex, 200, commentsOf(node, params, version, given), Map.of());
        } else if (method.equals("POST") && edge.equals("comments")) {
            if (!exists(node) && !posts.containsKey(node)) {
                gone(ex, node);
                return;
            }
            String id = put(posts.containsKey(node) ? node : comments.get(node).postId(),
                    comments.containsKey(node) ? Optional.of(node) : Optional.empty(), pageId,
                    params.getOrDefault("message", ""), Instant.now());
            replies.computeIfAbsent(node, k -> new CopyOnWriteArrayList<>()).add(params.getOrDefault("message", ""));
            send(ex, 200, JSON.createObjectNode().put("id", id).toString(), Map.of());
        } else if (method.equals("POST") && edge.isEmpty() && params.containsKey("is_hidden")) {
            if (!exists(node)) {
                gone(ex, node);
                return;
            }
            if (Boolean.parseBoolean(params.get("is_hidden"))) {
                hidden.add(node);
            } else {
                hidden.remove(node);
            }
            success(ex);
        } else if (method.equals("DELETE") && edge.isEmpty()) {
            if (!exists(node)) {
                gone(ex, node);
                return;
            }
            deleted.add(node);
            success(ex);
        } else if (node.equals(pageId) && edge.equals("blocked") && (method.equals("POST") || method.equals("DELETE"))) {
            block(ex, method, params);
        } else if (method.equals("POST") && edge.equals("messages") && (node.equals("me") || node.equals(pageId))) {
            message(ex, json);
        } else {
            send(ex, 400, error(100, 0, "Unsupported " + method.toLowerCase() + " request."), Map.of());
        }
    }

    private boolean exists(String commentId) {
        return comments.containsKey(commentId) && !deleted.contains(commentId);
    }

    private void gone(HttpExchange ex, String id) throws IOException {
        send(ex, 400, error(100, 33, "Unsupported post request. Object with ID '" + id + "' does not exist, cannot be "
                + "loaded due to missing permissions, or does not support this operation."), Map.of());
    }

    private void success(HttpExchange ex) throws IOException {
        send(ex, 200, "{\"success\":true}", Map.of());
    }

    private String posts(Map<String, String> params) {
        int limit = Integer.parseInt(params.getOrDefault("limit", "25"));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode data = out.putArray("data");
        posts.entrySet().stream().sorted(Map.Entry.<String, Instant>comparingByValue().reversed()).limit(limit)
                .forEach(e -> {
                    Instant updated = comments.values().stream().filter(c -> c.postId().equals(e.getKey()))
                            .map(Comment::at).max(Comparator.naturalOrder()).filter(t -> t.isAfter(e.getValue()))
                            .orElse(e.getValue());
                    data.addObject().put("id", e.getKey()).put("created_time", GRAPH_TIME.format(e.getValue()))
                            .put("updated_time", GRAPH_TIME.format(updated));
                });
        return out.toString();
    }

    /** Graph's cursor paging: {@code after} is an opaque cursor, {@code next} an absolute address with the token. */
    private String commentsOf(String node, Map<String, String> params, String version, String given) {
        boolean stream = "stream".equals(params.get("filter"));
        boolean reverse = "reverse_chronological".equals(params.get("order"));
        Comparator<Comment> order = Comparator.comparing(Comment::at).thenComparing(Comment::id);
        List<Comment> all = comments.values().stream()
                .filter(c -> !deleted.contains(c.id()))
                .filter(c -> posts.containsKey(node)
                        ? c.postId().equals(node) && (stream || c.parent().isEmpty())
                        : c.parent().equals(Optional.of(node)))
                .sorted(reverse ? order.reversed() : order).toList();
        int limit = Math.min(pageSize, Integer.parseInt(params.getOrDefault("limit", "25")));
        int start = params.containsKey("after") ? decode(params.get("after")) + 1 : 0;
        List<Comment> page = all.subList(Math.min(start, all.size()), Math.min(start + limit, all.size()));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode data = out.putArray("data");
        for (Comment c : page) {
            ObjectNode o = data.addObject().put("id", c.id()).put("created_time", GRAPH_TIME.format(c.at()))
                    .put("message", c.text()).put("is_hidden", hidden.contains(c.id()));
            o.putObject("from").put("id", c.fromId()).put("name", c.fromId().equals(pageId) ? "La pagina" : "Cittadino");
            c.parent().ifPresent(p -> o.putObject("parent").put("id", p));
        }
        if (!page.isEmpty()) {
            ObjectNode paging = out.putObject("paging");
            String after = encode(start + page.size() - 1);
            paging.putObject("cursors").put("before", encode(start)).put("after", after);
            if (start + page.size() < all.size()) {
                Map<String, String> next = new LinkedHashMap<>(params);
                next.put("after", after);
                next.put("access_token", given);
                paging.put("next", url() + "/" + version + "/" + node + "/comments?" + form(next));
            }
        }
        return out.toString();
    }

    private void block(HttpExchange ex, String method, Map<String, String> params) throws IOException {
        Optional<String> user = List.of("user", "psid", "uid", "asid").stream().filter(params::containsKey)
                .map(params::get).findFirst();
        if (user.isEmpty()) {
            send(ex, 400, error(100, 0, "(#100) The parameter user is required"), Map.of());
            return;
        }
        if (method.equals("POST")) {
            blocked.add(user.get());
            send(ex, 200, JSON.createObjectNode().put(user.get(), true).toString(), Map.of());
        } else {
            blocked.remove(user.get());
            success(ex);
        }
    }

    private void message(HttpExchange ex, JsonNode json) throws IOException {
        String psid = json == null ? "" : json.path("recipient").path("id").asText("");
        String text = json == null ? "" : json.path("message").path("text").asText("");
        if (psid.isEmpty() || text.isEmpty()) {
            send(ex, 400, error(100, 0, "(#100) The parameter recipient is required"), Map.of());
            return;
        }
        messages.computeIfAbsent(psid, k -> new CopyOnWriteArrayList<>()).add(text);
        send(ex, 200, JSON.createObjectNode().put("recipient_id", psid).put("message_id", "m_" + ids.incrementAndGet())
                .toString(), Map.of());
    }

    private static void send(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        headers.forEach(ex.getResponseHeaders()::set);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static String form(Map<String, String> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> parts.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", parts);
    }

    private static String encode(int index) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("i:" + index).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String cursor) {
        return Integer.parseInt(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).substring(2));
    }

    private static void sleep(Duration d) {
        try {
            TimeUnit.MILLISECONDS.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
