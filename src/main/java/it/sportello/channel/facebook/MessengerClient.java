package it.sportello.channel.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.sportello.channel.ChannelConfig;
import it.sportello.delivery.Delivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Messenger's Send API, for replies to a conversation: {@code POST /{page-id}/messages} with a JSON body,
 * {@code messaging_type=RESPONSE} (an answer within the 24-hour window). Meta's examples pass the page token
 * as {@code access_token}; Graph also takes it as {@code Authorization: Bearer}, which keeps it out of every
 * address, so that is how it travels.
 */
public final class MessengerClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI endpoint;
    private final String token;
    private final Duration timeout;

    public MessengerClient(HttpClient http, ChannelConfig.Facebook config, String pageId, String pageToken, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.endpoint = URI.create(GraphClient.base(config) + pageId + "/messages");
        this.token = Objects.requireNonNull(pageToken, "pageToken");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Sends {@code text} to the person {@code psid}; never throws for what Messenger answered. */
    public Delivery send(String psid, String text) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("recipient").put("id", psid);
        body.put("messaging_type", "RESPONSE");
        body.putObject("message").put("text", text);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Delivery.Retry(Optional.empty(), "messenger send: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.Retry(Optional.empty(), "messenger send: interrupted");
        }
        if (response.statusCode() / 100 == 2) {
            return new Delivery.Sent();
        }
        JsonNode error = parse(response.body()).path("error");
        return GraphError.of("messenger send", response.statusCode(), error.path("code").asInt(-1),
                error.path("error_subcode").asInt(-1), error.path("message").asText(""),
                name -> response.headers().firstValue(name)).delivery();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
