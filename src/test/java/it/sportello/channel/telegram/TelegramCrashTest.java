package it.sportello.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.contract.Channel;
import it.sportello.fake.FakeBotApi;
import it.sportello.fake.FakeBotApi.Posted;
import it.sportello.store.Database;
import it.sportello.store.DatabaseConfig;
import it.sportello.testing.ServeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} polling a (fake) Telegram bot is killed with SIGKILL in the middle of a burst of 200 updates,
 * while updates are still arriving and replies are going out; a new process on the same store takes over.
 * Every update ends up stored once, decided once and answered, and answered twice only if its reply was in
 * the platform's hands at the very moment of the kill (counted by the store as in doubt).
 */
class TelegramCrashTest {

    private static final int UPDATES = 200;

    @TempDir
    Path data;

    @Test
    @Timeout(240)
    void killNineInABurstOf200UpdatesLosesNoneAndAnswersEachOnce() throws Exception {
        List<String> questions = Files.readAllLines(Path.of("scripts/load-questions.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        try (FakeBotApi api = new FakeBotApi()) {
            Map<String, String> env = Map.of("SPORTELLO_ATS_MILANO_TELEGRAM_TOKEN", FakeBotApi.TOKEN,
                    "SPORTELLO_TELEGRAM_API", api.url(), "SPORTELLO_LEASE_SECONDS", "5");
            List<Posted> burst = java.util.Collections.synchronizedList(new ArrayList<>());
            int answeredAtKill;
            int postedAtKill;
            Thread citizens = new Thread(() -> {
                // 200 citizens write within about five seconds; Telegram's pace lets 30 replies a second out
                for (int i = 0; i < UPDATES; i++) {
                    burst.add(api.privateMessage(7_000_000L + i, questions.get(i % questions.size())));
                    try {
                        Thread.sleep(25);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "citizens");
            ServeProcess first = ServeProcess.start(data, env);
            try {
                citizens.start();
                FakeBotApi.await("40 replies out", Duration.ofSeconds(60), () -> api.count("sendMessage", c -> true) >= 40);
            } finally {
                first.kill();
                answeredAtKill = (int) api.count("sendMessage", c -> true);
                postedAtKill = burst.size();
            }
            citizens.join();

            try (ServeProcess second = ServeProcess.start(data, env)) {
                FakeBotApi.await("every update answered after the restart", Duration.ofSeconds(120),
                        () -> burst.stream().allMatch(p -> !api.repliesTo(p).isEmpty()));
            }

            int inDoubt;
            try (Database database = Database.open(DatabaseConfig.embedded(data))) {
                assertThat(database.stores().messages().undecided(10)).as("undecided after restart").isEmpty();
                inDoubt = database.stores().outbox().inDoubt("ats-milano", Channel.TELEGRAM);
                assertThat(database.stores().outbox().pending(Channel.TELEGRAM, 10)).as("left in the outbox").isEmpty();
            }
            int doubles = 0;
            for (Posted p : burst) {
                int replies = api.repliesTo(p).size();
                assertThat(replies).as("replies to update " + p.updateId()).isBetween(1, 2);
                doubles += replies - 1;
            }
            assertThat(doubles).as("replies sent twice, at most those in doubt").isLessThanOrEqualTo(inDoubt);
            assertThat(inDoubt).as("items in the platform's hands at the kill: one per delivery loop").isLessThanOrEqualTo(1);
            System.out.printf("telegram kill -9: %d updates, %d posted and %d replies out before the kill; after the "
                    + "restart all %d answered, %d twice (%d in doubt), none lost%n", UPDATES, postedAtKill,
                    answeredAtKill, UPDATES, doubles, inDoubt);
        }
    }

}
