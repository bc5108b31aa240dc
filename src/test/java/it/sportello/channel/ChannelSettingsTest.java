package it.sportello.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.tenant.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelSettingsTest {

    private static final Path CONFIG = Path.of("config/channels.yaml");
    private static final List<String> TENANTS = List.of("ats-milano", "asst-crema");
    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    @Test
    void noVariablesNoChannels() {
        ChannelSettings s = ChannelSettings.load(CONFIG, Map.of(), TENANTS);
        assertThat(s.any()).isFalse();
        assertThat(s.config().facebook().graphVersion()).isEqualTo("v21.0");
        assertThat(s.config().telegram().api()).hasToString("https://api.telegram.org");
    }

    @Test
    void aTenantsVariablesTurnItsChannelsOn() {
        ChannelSettings s = ChannelSettings.load(CONFIG, Map.of(
                "SPORTELLO_ATS_MILANO_TELEGRAM_TOKEN", TOKEN,
                "SPORTELLO_ASST_CREMA_TELEGRAM_TOKEN", TOKEN,
                "SPORTELLO_ASST_CREMA_TELEGRAM_WEBHOOK_SECRET", "s3cret-s3cret-s3cret",
                "SPORTELLO_ATS_MILANO_FACEBOOK_PAGE_ID", "100200300",
                "SPORTELLO_ATS_MILANO_FACEBOOK_PAGE_TOKEN", "EAAB-page-token",
                "SPORTELLO_ATS_MILANO_FACEBOOK_APP_ID", "4455",
                "SPORTELLO_ATS_MILANO_FACEBOOK_APP_SECRET", "app-secret",
                "SPORTELLO_TELEGRAM_API", "http://127.0.0.1:9999",
                "SPORTELLO_LEASE_SECONDS", "7"), TENANTS);

        assertThat(s.bots()).extracting(TelegramBot::tenant, TelegramBot::webhook)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ats-milano", false),
                        org.assertj.core.groups.Tuple.tuple("asst-crema", true));
        assertThat(s.pages()).singleElement().satisfies(p -> {
            assertThat(p.tenant()).isEqualTo("ats-milano");
            assertThat(p.messenger()).isFalse();
        });
        assertThat(s.config().telegram().api()).hasToString("http://127.0.0.1:9999");
        assertThat(s.config().lease()).hasSeconds(7);
        assertThat(s.config().telegram().longPollSeconds()).as("a long poll ends within half the lease").isEqualTo(3);
    }

    @Test
    void secretsNeverShowInToString() {
        ChannelSettings s = ChannelSettings.load(CONFIG, Map.of(
                "SPORTELLO_ATS_MILANO_TELEGRAM_TOKEN", TOKEN,
                "SPORTELLO_ATS_MILANO_FACEBOOK_PAGE_ID", "100200300",
                "SPORTELLO_ATS_MILANO_FACEBOOK_PAGE_TOKEN", "EAAB-page-token",
                "SPORTELLO_ATS_MILANO_FACEBOOK_APP_ID", "4455",
                "SPORTELLO_ATS_MILANO_FACEBOOK_APP_SECRET", "app-secret",
                "SPORTELLO_ATS_MILANO_FACEBOOK_VERIFY_TOKEN", "verify-me"), TENANTS);

        assertThat(s.toString()).contains("bot 123456789", "page 100200300")
                .doesNotContain("AAHdqTcv", "EAAB-page-token", "app-secret", "verify-me");
    }

    @Test
    void aHalfConfiguredPageNamesTheMissingVariableNotAValue() {
        assertThatThrownBy(() -> ChannelSettings.load(CONFIG, Map.of(
                "SPORTELLO_ATS_MILANO_FACEBOOK_PAGE_TOKEN", "EAAB-page-token"), TENANTS))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SPORTELLO_ATS_MILANO_FACEBOOK_PAGE_ID is not set")
                .hasMessageNotContaining("EAAB");
        assertThatThrownBy(() -> ChannelSettings.load(CONFIG, Map.of(
                "SPORTELLO_ATS_MILANO_TELEGRAM_TOKEN", "not-a-token"), TENANTS))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SPORTELLO_ATS_MILANO_TELEGRAM_TOKEN")
                .hasMessageNotContaining("not-a-token");
        assertThatThrownBy(() -> ChannelSettings.load(CONFIG, Map.of("SPORTELLO_GRAPH_API", "ftp://x"), TENANTS))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SPORTELLO_GRAPH_API");
    }
}
