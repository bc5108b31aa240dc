package it.sportello.channel.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import it.sportello.web.WebRoutes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * {@code POST /telegram/<tenant>}: the updates Telegram pushes when the bot's webhook is set. Telegram sends
 * the secret given to {@code setWebhook} in {@code X-Telegram-Bot-Api-Secret-Token}; a request without it
 * (401) or with another (403) is refused before its body is read. The answer is 200 only once the intake
 * has stored the update, so that Telegram delivers it again when the store fails (503); a body that is not
 * an update is refused (400) and nothing is stored.
 *
 * <p>Registering the webhook with Telegram is the operator's step: {@code setWebhook} with
 * {@code url=https://<host>/telegram/<tenant>}, {@code secret_token=<the secret>} and
 * {@code allowed_updates=["message"]}.
 */
final class TelegramWebhook implements WebRoutes {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final String tenant;
    private final byte[] secret;
    private final TelegramInbox inbox;

    TelegramWebhook(String tenant, String secret, TelegramInbox inbox) {
        this.tenant = tenant;
        this.secret = Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8);
        this.inbox = inbox;
    }

    static String path(String tenant) {
        return "/telegram/" + tenant;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(path(tenant), this::post);
    }

    private void post(Context ctx) {
        String given = ctx.header(SECRET_HEADER);
        if (given == null || given.isEmpty()) {
            refuse(ctx, 401, "missing " + SECRET_HEADER);
            return;
        }
        if (!MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            refuse(ctx, 403, "wrong " + SECRET_HEADER);
            return;
        }
        Update update;
        try {
            update = JSON.readValue(ctx.body(), Update.class);
        } catch (Exception e) {
            refuse(ctx, 400, "the body is not a Telegram update: " + e.getClass().getSimpleName());
            return;
        }
        if (update == null || update.getUpdateId() == null) {
            refuse(ctx, 400, "the body is not a Telegram update: no update_id");
            return;
        }
        try {
            inbox.take(update);
        } catch (RuntimeException e) {
            LOG.atWarn().setMessage("telegram update not stored, Telegram will retry").addKeyValue("tenant", tenant)
                    .addKeyValue("update", update.getUpdateId()).addKeyValue("error", e.getClass().getSimpleName()).log();
            refuse(ctx, 503, "not stored, retry later");
            return;
        }
        ctx.status(200).contentType("application/json").result("{}");
    }

    private void refuse(Context ctx, int status, String error) {
        if (status != 503) {
            LOG.atInfo().setMessage("telegram webhook refused").addKeyValue("tenant", tenant)
                    .addKeyValue("status", status).log();
        }
        ctx.status(status).contentType("application/json")
                .result(JSON.createObjectNode().put("ok", false).put("error", error).toString());
    }
}
