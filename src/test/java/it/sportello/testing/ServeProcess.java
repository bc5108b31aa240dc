package it.sportello.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code serve} in a child JVM on the test class path, on a free port: what a crash test kills with
 * SIGKILL and starts again. Its output is kept (the last lines) for a failing test's message.
 */
public final class ServeProcess implements AutoCloseable {

    private static final Pattern HEALTH = Pattern.compile("health:\\s+(http://127\\.0\\.0\\.1:\\d+)/health");

    private final Process process;
    private final String baseUrl;
    private final Deque<String> tail;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServeProcess(Process process, String baseUrl, Deque<String> tail) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.tail = tail;
    }

    /** Starts {@code serve --port 0 --data data} with {@code env} added to this JVM's environment. */
    public static ServeProcess start(Path data, Map<String, String> env, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "it.sportello.cli.Main", "serve", "--port", "0", "--data", data.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        Deque<String> tail = new ArrayDeque<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            keep(tail, line);
            Matcher m = HEALTH.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> keep(tail, l)), "serve-output");
                drain.setDaemon(true);
                drain.start();
                return new ServeProcess(process, m.group(1), tail);
            }
        }
        throw new AssertionError("serve ended before printing its address:\n" + String.join("\n", tail));
    }

    private static void keep(Deque<String> tail, String line) {
        synchronized (tail) {
            tail.addLast(line);
            if (tail.size() > 200) {
                tail.removeFirst();
            }
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** GET {@code path} on this instance; the body, or an empty string when it does not answer. */
    public String get(String path) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The last lines it printed. */
    public String output() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is released. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the shutdown hook stops it gracefully. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
