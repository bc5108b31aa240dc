package it.sportello.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import it.sportello.contract.Channel;
import it.sportello.contract.JsonLines;
import it.sportello.contract.Message;
import it.sportello.contract.ParsedLine;
import it.sportello.intake.Intake;
import it.sportello.intake.Receipt;
import it.sportello.store.OutboxItem;
import it.sportello.store.OutboxStore;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The web channel's JSON API. {@code POST /api/v1/messages} takes a contract message and returns the
 * decision; {@code GET /api/v1/replies} gives a web author the moderators' replies. A web author id is a
 * random token the chat page made ({@code web:} and at least 16 letters or digits): whoever holds it reads
 * its replies, and nobody can guess it.
 */
public final class MessageApi implements WebRoutes {

    static final Pattern WEB_AUTHOR = Pattern.compile("web:[A-Za-z0-9_-]{16,64}");
    static final int MAX_TEXT = 4000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Intake intake;
    private final JsonLines codec;
    private final OutboxStore outbox;
    private final RateLimiter messageLimit;
    private final RateLimiter replyLimit;
    private final Clock clock;

    public MessageApi(Intake intake, JsonLines codec, OutboxStore outbox, RateLimiter messageLimit,
                      RateLimiter replyLimit, Clock clock) {
        this.intake = intake;
        this.codec = codec;
        this.outbox = outbox;
        this.messageLimit = messageLimit;
        this.replyLimit = replyLimit;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/messages", this::post);
        routes.get("/api/v1/replies", this::replies);
    }

    private void post(Context ctx) {
        if (limited(ctx, messageLimit)) {
            return;
        }
        ParsedLine parsed = codec.parse(ctx.body(), 1);
        if (parsed instanceof ParsedLine.Invalid invalid) {
            error(ctx, 400, invalid.error());
            return;
        }
        Message message = ((ParsedLine.Valid) parsed).message();
        if (message.channel() != Channel.WEB && message.channel() != Channel.CLI) {
            error(ctx, 400, "this API is the web channel: channel must be 'web'");
            return;
        }
        if (message.text().isBlank() || message.text().length() > MAX_TEXT) {
            error(ctx, 400, "text must be 1 to " + MAX_TEXT + " characters");
            return;
        }
        if (!WEB_AUTHOR.matcher(message.author()).matches()) {
            error(ctx, 400, "author must be 'web:' followed by 16 to 64 letters, digits, '-' or '_'");
            return;
        }
        Message web = new Message(message.id(), message.tenant(), Channel.WEB, message.kind(), message.author(),
                message.time(), message.text());
        Receipt receipt = intake.receive(web);
        ctx.header("X-Sportello-Message", Long.toString(receipt.messageId()));
        if (receipt.duplicate()) {
            ctx.header("X-Sportello-Duplicate", "true");
        }
        if (receipt.decision().isEmpty()) {
            ctx.status(202).contentType("application/json").result("{\"id\":" + JSON.valueToTree(message.id())
                    + ",\"status\":\"processing\"}");
            return;
        }
        ctx.status(200).contentType("application/json").result(codec.write(receipt.decision().get()));
    }

    private void replies(Context ctx) {
        if (limited(ctx, replyLimit)) {
            return;
        }
        String author = ctx.queryParam("author");
        if (author == null || !WEB_AUTHOR.matcher(author).matches()) {
            error(ctx, 400, "author must be a web author id");
            return;
        }
        long after;
        try {
            after = Long.parseLong(ctx.queryParamMap().containsKey("after") ? ctx.queryParam("after") : "0");
        } catch (NumberFormatException e) {
            error(ctx, 400, "after must be a number");
            return;
        }
        List<OutboxItem> items = outbox.collect(Channel.WEB, author, after, clock.instant());
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("replies");
        for (OutboxItem item : items) {
            list.addObject().put("id", item.id()).put("text", item.text().orElse(""))
                    .put("at", item.createdAt().toString());
        }
        ctx.header("Cache-Control", "no-store");
        ctx.status(200).contentType("application/json").result(out.toString());
    }

    private static boolean limited(Context ctx, RateLimiter limiter) {
        long wait = limiter.acquire(ctx.ip());
        if (wait == 0) {
            return false;
        }
        ctx.header("Retry-After", Long.toString(wait));
        error(ctx, 429, "too many requests: retry in " + wait + " s");
        return true;
    }

    private static void error(Context ctx, int status, String message) {
        ObjectNode out = JSON.createObjectNode().put("error", message);
        ctx.status(status).contentType("application/json").result(out.toString());
    }
}
