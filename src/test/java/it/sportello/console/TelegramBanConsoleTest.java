package it.sportello.console;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.channel.telegram.TelegramServer;
import it.sportello.console.auth.Accounts;
import it.sportello.console.auth.AccountsFile;
import it.sportello.console.auth.Role;
import it.sportello.fake.FakeBotApi;
import it.sportello.fake.FakeBotApi.Posted;
import it.sportello.store.Escalation;
import it.sportello.store.OutboxItem;
import it.sportello.store.OutboxKind;
import it.sportello.store.OutboxStatus;
import it.sportello.store.Priority;
import it.sportello.store.QueueFilter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ban confirmed by a moderator in the real console, over HTTP, reaches Telegram: three insults by one
 * author in a group propose it, the confirmation queues it, the delivery loop bans the author from that group.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TelegramBanConsoleTest {

    static final List<String> INSULTS = List.of("Siete degli incompetenti e dei ladri", "siete dei buffoni incapaci",
            "vergognatevi, branco di idioti");

    @TempDir
    static Path data;
    static TelegramServer telegram;
    static FakeBotApi api;

    @BeforeAll
    static void start() {
        AccountsFile.save(AccountsFile.in(data), new Accounts(List.of(
                ConsoleServer.account("anna", Role.MODERATOR, "ats-milano"))));
        telegram = TelegramServer.start(data, Optional.empty());
        api = telegram.api;
    }

    @AfterAll
    static void stop() {
        telegram.close();
    }

    /** Three insults from {@code user} in {@code chat}; the escalation the third opened, a ban proposal. */
    private static Escalation banProposal(long chat, long user) {
        Posted last = null;
        for (String insult : INSULTS) {
            last = chat < 0 ? api.groupMessage(chat, user, insult) : api.privateMessage(user, insult);
        }
        String external = last.externalId();
        FakeBotApi.await("the third insult stored", TelegramServer.DEADLINE, telegram::settled);
        Escalation e = telegram.stores().escalations().queue(QueueFilter.pending("ats-milano")).stream()
                .filter(x -> x.message().message().id().equals(external)).findFirst().orElseThrow();
        assertThat(e.priority()).isEqualTo(Priority.BAN_PROPOSED);
        return e;
    }

    private static void confirm(Escalation e) {
        Browser anna = new Browser(telegram.server.baseUrl()).loggedInAs("anna");
        Browser.Page done = anna.submit(ConsoleServer.itemPath(e), ConsoleServer.itemPath(e) + "/ban-confirm", Map.of());
        assertThat(done.status()).isEqualTo(303);
    }

    @Test
    void aConfirmedBanBansTheAuthorFromTheGroup() {
        Escalation e = banProposal(-1007101, 7101);
        confirm(e);

        FakeBotApi.await("banChatMember", TelegramServer.DEADLINE, () -> api.count("banChatMember", c -> true) == 1);
        telegram.awaitSettled();
        assertThat(api.calls("banChatMember")).singleElement().satisfies(c -> {
            assertThat(c.chatId()).contains(-1007101L);
            assertThat(c.userId()).contains(7101L);
        });
        assertThat(telegram.stores().outbox().ofMessage(e.message().id())).filteredOn(i -> i.kind() == OutboxKind.BAN)
                .singleElement().satisfies(i -> assertThat(i.status()).isEqualTo(OutboxStatus.SENT));
    }

    @Test
    void aBanOfAPrivateChatIsRecordedAsImpossibleWithoutCallingTelegram() {
        Escalation e = banProposal(7201, 7201);
        confirm(e);

        FakeBotApi.await("the ban item closed", TelegramServer.DEADLINE, () -> telegram.stores().outbox()
                .ofMessage(e.message().id()).stream().anyMatch(i -> i.kind() == OutboxKind.BAN
                        && i.status() != OutboxStatus.PENDING));
        OutboxItem ban = telegram.stores().outbox().ofMessage(e.message().id()).stream()
                .filter(i -> i.kind() == OutboxKind.BAN).findFirst().orElseThrow();
        assertThat(ban.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(api.calls("banChatMember")).noneMatch(c -> c.userId().equals(Optional.of(7201L)));
    }
}
