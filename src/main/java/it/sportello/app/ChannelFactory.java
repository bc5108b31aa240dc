package it.sportello.app;

import it.sportello.channel.ChannelAdapter;
import it.sportello.channel.ChannelConfig;
import it.sportello.channel.ChannelContext;
import it.sportello.channel.FacebookPage;
import it.sportello.channel.TelegramBot;
import it.sportello.channel.facebook.FacebookAdapter;
import it.sportello.channel.telegram.TelegramAdapter;

/** Builds the adapter of each platform. */
final class ChannelFactory {

    private ChannelFactory() {
    }

    static ChannelAdapter telegram(TelegramBot bot, ChannelConfig.Telegram config, ChannelContext context) {
        return TelegramAdapter.open(bot, config, context);
    }

    static ChannelAdapter facebook(FacebookPage page, ChannelConfig.Facebook config, ChannelContext context) {
        return FacebookAdapter.open(page, config, context);
    }
}
