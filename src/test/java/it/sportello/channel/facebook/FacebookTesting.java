package it.sportello.channel.facebook;

import facebook4j.Facebook;
import it.sportello.channel.ChannelConfig;
import it.sportello.channel.FacebookPage;
import it.sportello.fake.FakeGraphApi;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** A made-up page, app and tokens, and facebook4j pointed at a {@link FakeGraphApi}. */
final class FacebookTesting {

    static final String PAGE_ID = "104857600123456";
    static final String APP_ID = "873409215566021";
    static final String TOKEN = "EAAMaR1x9ZBv4BO7kq2Yp3TnLw8ZCfQe5HsVd0uJiPoXzR6mNbWc1gKyT4aL2eUo9rDsF3hGjQ5vB8nM0xC7zA1";
    static final String APP_SECRET = "3f9c1e7a52d84b06a1e9c0f4d7b2a863";
    static final String VERIFY = "sportello-verifica-7Hq2Lm9Xr4Tz";
    static final String VERSION = "v21.0";
    /** Wednesday 25 November 2026, 10:30 in Milan: moderators on duty. */
    static final Instant NOW = Instant.parse("2026-11-25T09:30:00Z");

    private FacebookTesting() {
    }

    static FacebookPage page(boolean messenger) {
        return page(TOKEN, messenger);
    }

    static FacebookPage page(String token, boolean messenger) {
        return new FacebookPage("ats-milano", PAGE_ID, token, APP_ID, APP_SECRET,
                messenger ? Optional.of(VERIFY) : Optional.empty());
    }

    static ChannelConfig.Facebook config(FakeGraphApi fake) {
        return new ChannelConfig.Facebook(URI.create(fake.url()), VERSION, 1, 20);
    }

    /** facebook4j with short timeouts, so that a delayed answer is a timeout within the test. */
    static Facebook graph(FakeGraphApi fake, String token) {
        return GraphClient.open(page(token, false), config(fake), Duration.ofMillis(500), Duration.ofMillis(700));
    }

    static Clock clock() {
        return Clock.fixed(NOW, ZoneId.of("Europe/Rome"));
    }

    static Instant minutesAgo(long minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }
}
