package it.sportello.channel.telegram;

import it.sportello.channel.Poller;
import it.sportello.store.Cursors;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Long polling of one bot: {@code getUpdates} from the stored offset, each update handed to the intake,
 * then the offset moved past what the intake stored. Telegram forgets updates below the offset it is
 * given, so the cursor moves only after the store: a crash in between makes Telegram deliver the batch
 * again, and the intake recognises the duplicates.
 *
 * <p>Not telegrambots-longpolling's {@code TelegramBotsLongPollingApplication}: that runs its own loop and
 * confirms an update as soon as its consumer returns, whereas here one instance at a time polls a bot (a
 * {@link it.sportello.channel.PollLoop} holding a database lease) and the offset is committed only after the
 * store. A failed {@code getUpdates} (5xx, timeout, 409 conflict, 429) is thrown, so the loop backs off; an
 * update that cannot be read is skipped by its id and the offset moves past it ({@link LenientGetUpdates}).
 */
final class TelegramPoller implements Poller {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramPoller.class);
    private static final int LIMIT = 100;
    private static final List<String> ALLOWED = List.of("message");

    private final String name;
    private final TelegramClient client;
    private final TelegramInbox inbox;
    private final Cursors cursors;
    private final Clock clock;
    private final int timeoutSeconds;

    TelegramPoller(String tenant, TelegramClient client, TelegramInbox inbox, Cursors cursors, Clock clock,
                   Duration longPoll) {
        this.name = "telegram:" + tenant;
        this.client = client;
        this.inbox = inbox;
        this.cursors = cursors;
        this.clock = clock;
        this.timeoutSeconds = (int) longPoll.toSeconds();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration interval() {
        return Duration.ZERO;
    }

    @Override
    public void pollOnce() throws TelegramApiException, InterruptedException {
        Optional<Integer> offset = offset();
        List<Update> updates = fetch(new LenientGetUpdates(offset.orElse(null), LIMIT, timeoutSeconds, ALLOWED));
        Optional<Integer> next = Optional.empty();
        try {
            for (Update update : updates) {
                Integer id = update.getUpdateId();
                if (id == null) {
                    continue;
                }
                inbox.take(update);
                next = Optional.of(Math.max(next.orElse(0), id + 1));
            }
        } finally {
            // What the intake stored is confirmed even when a later update failed (the store went down).
            next.filter(n -> offset.isEmpty() || n > offset.get())
                    .ifPresent(n -> cursors.put(name, Integer.toString(n), clock.instant()));
        }
        if (!updates.isEmpty()) {
            LOG.atDebug().setMessage("telegram updates taken").addKeyValue("poller", name)
                    .addKeyValue("count", updates.size()).log();
        }
    }

    /** The Bot API's error code and description (a 409 says a webhook is set or another poller runs). */
    @Override
    public String describe(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TelegramApiRequestException api && api.getErrorCode() != null) {
                return api.getErrorCode() == 0 ? "getUpdates: an answer that is not the Bot API's"
                        : "getUpdates: " + api.getErrorCode() + " " + java.util.Objects.toString(api.getApiResponse(), "");
            }
        }
        return e.getClass().getSimpleName();
    }

    /**
     * Waits for the answer as a synchronous call would, but interruptibly: a stop does not wait out a long
     * poll (the adapter's close cancels the call itself).
     */
    private List<Update> fetch(LenientGetUpdates method) throws TelegramApiException, InterruptedException {
        CompletableFuture<ArrayList<Update>> call = client.executeAsync(method);
        try {
            return call.get();
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TelegramApiException api) {
                throw api;
            }
            throw new TelegramApiException("getUpdates failed", cause);
        }
    }

    private Optional<Integer> offset() {
        return cursors.get(name).filter(value -> !value.isBlank()).flatMap(value -> {
            try {
                return Optional.of(Integer.parseInt(value.trim()));
            } catch (NumberFormatException e) {
                LOG.atWarn().setMessage("telegram cursor unreadable, starting from what Telegram holds")
                        .addKeyValue("poller", name).log();
                return Optional.empty();
            }
        });
    }
}
