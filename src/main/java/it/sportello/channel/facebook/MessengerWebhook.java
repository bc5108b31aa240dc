package it.sportello.channel.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import it.sportello.channel.FacebookPage;
import it.sportello.contract.Channel;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import it.sportello.web.WebRoutes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messenger's webhook for one page, {@code /facebook/{tenant}/webhook}. {@code GET} is Meta's subscription
 * handshake (the verify token must match); {@code POST} delivers events, signed with the app secret in
 * {@code X-Hub-Signature-256}. Each text message becomes a contract message ({@code m:<mid>}, kind
 * {@code message}, author {@code fb:<PSID>}); echoes of the page's own messages, deliveries and reads are
 * ignored. The answer is 200 only once every message is stored: otherwise Meta delivers again, and the
 * intake recognises what it already has.
 */
public final class MessengerWebhook implements WebRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(MessengerWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNATURE = "X-Hub-Signature-256";

    private final FacebookPage page;
    private final String verifyToken;
    private final Consumer<Message> intake;

    /** {@code intake} stores and decides each message (the tenant's {@code Intake::receive}); it throws if it cannot store. */
    public MessengerWebhook(FacebookPage page, Consumer<Message> intake) {
        this.page = Objects.requireNonNull(page, "page");
        this.verifyToken = page.verifyToken().orElseThrow(() -> new IllegalArgumentException("Messenger needs a verify token"));
        this.intake = Objects.requireNonNull(intake, "intake");
    }

    public String path() {
        return "/facebook/" + page.tenant() + "/webhook";
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(path(), this::verify);
        routes.post(path(), this::deliver);
    }

    private void verify(Context ctx) {
        String challenge = ctx.queryParam("hub.challenge");
        if ("subscribe".equals(ctx.queryParam("hub.mode")) && challenge != null
                && equal(verifyToken, ctx.queryParam("hub.verify_token"))) {
            ctx.status(200).contentType("text/plain").result(challenge);
            return;
        }
        LOG.atWarn().setMessage("webhook verification refused").addKeyValue("tenant", page.tenant()).log();
        ctx.status(403).result("");
    }

    private void deliver(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        String signature = ctx.header(SIGNATURE);
        if (signature == null || signature.isBlank()) {
            refuse(ctx, 401, "missing signature");
            return;
        }
        if (!equal(expected(body), signature.strip())) {
            refuse(ctx, 403, "bad signature");
            return;
        }
        List<Message> messages;
        try {
            messages = messages(JSON.readTree(body));
        } catch (IOException | RuntimeException e) {
            refuse(ctx, 400, "malformed body");
            return;
        }
        try {
            for (Message m : messages) {
                intake.accept(m);
            }
        } catch (RuntimeException e) {
            // not stored: Meta retries the delivery, and what was stored is recognised then
            LOG.atError().setMessage("messenger delivery not stored").addKeyValue("tenant", page.tenant())
                    .addKeyValue("error", e.getClass().getSimpleName()).log();
            ctx.status(500).result("");
            return;
        }
        ctx.status(200).contentType("text/plain").result("EVENT_RECEIVED");
    }

    /** The text messages of a delivery, in order; throws on what is not a webhook payload. */
    List<Message> messages(JsonNode root) {
        if (!root.isObject() || !root.path("entry").isArray()) {
            throw new IllegalArgumentException("not a webhook payload");
        }
        List<Message> out = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            if (entry.hasNonNull("id") && !entry.path("id").asText().equals(page.pageId())) {
                LOG.atWarn().setMessage("messenger entry for another page skipped").addKeyValue("tenant", page.tenant()).log();
                continue;
            }
            for (JsonNode event : entry.path("messaging")) {
                JsonNode message = event.path("message");
                String text = message.path("text").asText("");
                String mid = message.path("mid").asText("");
                String psid = event.path("sender").path("id").asText("");
                if (message.path("is_echo").asBoolean(false) || text.isBlank() || mid.isEmpty() || psid.isEmpty()) {
                    continue;
                }
                Instant at = event.hasNonNull("timestamp") ? Instant.ofEpochMilli(event.path("timestamp").asLong())
                        : Instant.now();
                out.add(new Message("m:" + mid, page.tenant(), Channel.FACEBOOK, Kind.MESSAGE, "fb:" + psid,
                        at.atOffset(ZoneOffset.UTC), text));
            }
        }
        return out;
    }

    private String expected(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(page.appSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant time, so that a forger learns nothing from how long a refusal takes. */
    private static boolean equal(String expected, String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private void refuse(Context ctx, int status, String why) {
        LOG.atWarn().setMessage("messenger delivery refused").addKeyValue("tenant", page.tenant()).addKeyValue("why", why).log();
        ctx.status(status).result("");
    }
}
