package it.sportello.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.sportello.contract.Channel;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import it.sportello.fake.FakeBotApi;
import it.sportello.tenant.TenantConfig;
import it.sportello.tenant.TenantRegistry;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Updates as Telegram sends them (JSON, read the way the poller and the webhook read them) to contract messages. */
class TelegramUpdatesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static TenantConfig tenant;
    static TelegramUpdates updates;
    /** Only its update builders are used: no server call. */
    static FakeBotApi fake;

    @BeforeAll
    static void load() {
        tenant = TenantRegistry.read(Path.of("config/tenants/ats-milano.yaml"));
        updates = new TelegramUpdates("ats-milano", new BotCommands(tenant));
        fake = new FakeBotApi();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    static Update update(String field, ObjectNode message) throws Exception {
        FakeBotApi.Posted p = fake.update(field, message);
        return JSON.readValue(p.json(), Update.class);
    }

    static Message citizen(Inbound inbound) {
        assertThat(inbound).isInstanceOf(Inbound.Citizen.class);
        return ((Inbound.Citizen) inbound).message();
    }

    @Test
    void aPrivateChatIsAMessageWithTheConventionalIds() throws Exception {
        ObjectNode m = fake.message(4242, "private", 4242, false).put("text", "Come si cambia il medico?");
        Message message = citizen(updates.map(update("message", m)));

        assertThat(message.id()).isEqualTo("4242:" + m.get("message_id").asInt());
        assertThat(message.tenant()).isEqualTo("ats-milano");
        assertThat(message.channel()).isEqualTo(Channel.TELEGRAM);
        assertThat(message.kind()).isEqualTo(Kind.MESSAGE);
        assertThat(message.author()).isEqualTo("tg:4242");
        assertThat(message.time()).isEqualTo(OffsetDateTime.of(2025, 11, 25, 10, 0, 0, 0, ZoneOffset.UTC));
        assertThat(message.text()).isEqualTo("Come si cambia il medico?");
    }

    @Test
    void aGroupOrSupergroupIsAPublicComment() throws Exception {
        Message group = citizen(updates.map(update("message",
                fake.message(-4001, "group", 7, false).put("text", "Orari del CUP?"))));
        Message supergroup = citizen(updates.map(update("message",
                fake.message(-1004001, "supergroup", 7, false).put("text", "Orari del CUP?"))));

        assertThat(group.kind()).isEqualTo(Kind.COMMENT);
        assertThat(group.id()).startsWith("-4001:");
        assertThat(supergroup.kind()).isEqualTo(Kind.COMMENT);
        assertThat(supergroup.author()).isEqualTo("tg:7");
    }

    @Test
    void aPhotoWithACaptionIsItsCaption() throws Exception {
        ObjectNode m = fake.message(-1004001, "supergroup", 7, false).put("caption", "Questo cartello è giusto?");
        m.putArray("photo").addObject().put("file_id", "f").put("file_unique_id", "u").put("width", 1).put("height", 1);
        assertThat(citizen(updates.map(update("message", m))).text()).isEqualTo("Questo cartello è giusto?");
    }

    @Test
    void theBotsCommandsGetFixedItalianTextsNamingTheTenant() throws Exception {
        for (String text : new String[] {"/start", "/start@SportelloAtsBot", "/help", "/privacy"}) {
            Inbound in = updates.map(update("message", fake.message(4242, "private", 4242, false).put("text", text)));
            assertThat(in).as(text).isInstanceOfSatisfying(Inbound.Command.class, c -> {
                assertThat(c.message().text()).isEqualTo(text);
                assertThat(c.message().kind()).isEqualTo(Kind.MESSAGE);
                assertThat(c.reply()).contains(tenant.name()).contains(tenant.urp().toString());
            });
        }
        Inbound.Command start = (Inbound.Command) updates.map(update("message",
                fake.message(4242, "private", 4242, false).put("text", "/start")));
        assertThat(start.reply()).contains(tenant.site().toString(), "112", "116117",
                "dal lunedì al venerdì dalle 10:00 alle 17:00", "casi personali", "in privato");
        Inbound.Command privacy = (Inbound.Command) updates.map(update("message",
                fake.message(4242, "private", 4242, false).put("text", "/privacy")));
        assertThat(privacy.reply()).contains("90 giorni", "dati personali", "numeri di telefono");
    }

    @Test
    void anUnknownCommandIsOrdinaryText() throws Exception {
        Message m = citizen(updates.map(update("message",
                fake.message(4242, "private", 4242, false).put("text", "/vaccini per i bambini"))));
        assertThat(m.text()).isEqualTo("/vaccini per i bambini");
    }

    @Test
    void whatIsNotACitizensTextIsIgnored() throws Exception {
        ObjectNode edited = fake.message(4242, "private", 4242, false).put("text", "corretto").put("edit_date", 1764064900);
        ObjectNode fromBot = fake.message(-1004001, "supergroup", 99, true).put("text", "Sono un altro bot");
        ObjectNode joined = fake.message(-1004001, "supergroup", 7, false);
        joined.putArray("new_chat_members").addObject().put("id", 8).put("is_bot", false).put("first_name", "N");
        ObjectNode channelPost = fake.message(-1009, "channel", 7, false).put("text", "Comunicato");
        ObjectNode forwarded = fake.message(-1004001, "supergroup", 777000, false).put("text", "Comunicato")
                .put("is_automatic_forward", true);
        forwarded.putObject("sender_chat").put("id", -1009).put("type", "channel").put("title", "ATS");
        ObjectNode sticker = fake.message(4242, "private", 4242, false);
        sticker.putObject("sticker").put("file_id", "f").put("file_unique_id", "u").put("type", "regular")
                .put("width", 1).put("height", 1).put("is_animated", false).put("is_video", false);
        ObjectNode blank = fake.message(4242, "private", 4242, false).put("text", "   ");

        assertThat(updates.map(update("edited_message", edited))).isInstanceOf(Inbound.Ignored.class);
        assertThat(updates.map(update("message", fromBot))).isInstanceOf(Inbound.Ignored.class);
        assertThat(updates.map(update("message", joined))).isInstanceOf(Inbound.Ignored.class);
        assertThat(updates.map(update("channel_post", channelPost))).isInstanceOf(Inbound.Ignored.class);
        assertThat(updates.map(update("message", channelPost))).isInstanceOf(Inbound.Ignored.class);
        assertThat(updates.map(update("message", forwarded))).isInstanceOf(Inbound.Ignored.class);
        assertThat(updates.map(update("message", sticker))).isInstanceOf(Inbound.Ignored.class);
        assertThat(updates.map(update("message", blank))).isInstanceOf(Inbound.Ignored.class);
        assertThat(updates.map(new Update())).isInstanceOf(Inbound.Ignored.class);
    }

    @Test
    void anExternalIdParsesBackToItsChatAndMessage() {
        assertThat(StoredTargets.parse("-1001234:77")).contains(new TelegramTarget(-1001234L, 77));
        assertThat(StoredTargets.parse("4242:5")).hasValueSatisfying(t -> assertThat(t.privateChat()).isTrue());
        assertThat(StoredTargets.parse("m:abc")).isEmpty();
        assertThat(StoredTargets.parse("123_456")).isEmpty();
    }
}
