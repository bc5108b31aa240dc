package it.sportello.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser as far as the console cares: cookies by name and path (set, replaced, deleted by
 * {@code Max-Age=0}), no redirects followed, forms posted url-encoded with the page's CSRF token.
 */
final class Browser {

    record Page(int status, String body, java.net.http.HttpHeaders headers) {
        Document doc() {
            return Jsoup.parse(body);
        }

        /** The redirect's target, empty when there is none. */
        String location() {
            return headers.firstValue("Location").orElse("");
        }

        List<String> setCookies() {
            return headers.allValues("Set-Cookie");
        }

        /** The CSRF token of the page's forms. */
        String csrf() {
            return doc().select("input[name=_csrf]").attr("value");
        }
    }

    private record Cookie(String value, String path) {
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    Browser(String base) {
        this.base = base;
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), path);
    }

    Page post(String path, Map<String, String> form) {
        return post(path, form, Map.of());
    }

    Page post(String path, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b, path);
    }

    /** Logs in through the form; returns the answer to the post. */
    Page login(String username, String password) {
        Page form = get("/console/login");
        return post("/console/login", Map.of("_csrf", form.csrf(), "username", username, "password", password));
    }

    /** Logs in and fails the test unless it worked. */
    Browser loggedInAs(String username) {
        Page p = login(username, ConsoleServer.PASSWORD);
        if (p.status() != 303) {
            throw new AssertionError("login of " + username + " failed: " + p.status() + "\n" + p.body());
        }
        return this;
    }

    /** Posts {@code form} plus the CSRF token read from the page at {@code pagePath}. */
    Page submit(String pagePath, String action, Map<String, String> form) {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("_csrf", get(pagePath).csrf());
        return post(action, all);
    }

    Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name)).map(Cookie::value);
    }

    void setCookie(String name, String value, String path) {
        cookies.put(name, new Cookie(value, path));
    }

    private Page send(HttpRequest.Builder request, String path) {
        String header = cookies.entrySet().stream().filter(e -> path.startsWith(e.getValue().path()))
                .map(e -> e.getKey() + "=" + e.getValue().value()).collect(Collectors.joining("; "));
        if (!header.isEmpty()) {
            request.header("Cookie", header);
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : r.headers().allValues("Set-Cookie")) {
                remember(set);
            }
            return new Page(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(String setCookie) {
        String[] parts = setCookie.split(";");
        String[] nameValue = parts[0].split("=", 2);
        String path = "/";
        boolean expired = false;
        for (int i = 1; i < parts.length; i++) {
            String[] attr = parts[i].strip().split("=", 2);
            if (attr[0].equalsIgnoreCase("Path") && attr.length == 2) {
                path = attr[1];
            }
            if (attr[0].equalsIgnoreCase("Max-Age") && attr.length == 2 && Long.parseLong(attr[1]) <= 0) {
                expired = true;
            }
        }
        if (expired) {
            cookies.remove(nameValue[0].strip());
        } else {
            cookies.put(nameValue[0].strip(), new Cookie(nameValue[1].strip(), path));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
