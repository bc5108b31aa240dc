package it.sportello.channel;

import it.sportello.tenant.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which channels run, for which tenants: {@code config/channels.yaml} plus, per tenant, the secrets in the
 * environment. The variables of tenant {@code ats-milano} start with {@code SPORTELLO_ATS_MILANO_}:
 * <ul>
 *   <li>{@code _TELEGRAM_TOKEN} turns its bot on; {@code _TELEGRAM_WEBHOOK_SECRET} switches it from long
 *       polling to the webhook;</li>
 *   <li>{@code _FACEBOOK_PAGE_ID}, {@code _FACEBOOK_PAGE_TOKEN}, {@code _FACEBOOK_APP_ID} and
 *       {@code _FACEBOOK_APP_SECRET} turn its page on; {@code _FACEBOOK_VERIFY_TOKEN} adds Messenger.</li>
 * </ul>
 * Errors name the variable, never its value.
 */
public record ChannelSettings(ChannelConfig config, List<TelegramBot> bots, List<FacebookPage> pages) {

    public ChannelSettings {
        Objects.requireNonNull(config, "config");
        bots = List.copyOf(bots);
        pages = List.copyOf(pages);
    }

    /** No channel but the web chat. */
    public static ChannelSettings none(ChannelConfig config) {
        return new ChannelSettings(config, List.of(), List.of());
    }

    public static ChannelSettings load(Path configFile, Map<String, String> env, Collection<String> tenants) {
        ChannelConfig config = ChannelConfig.load(configFile, env);
        List<TelegramBot> bots = new ArrayList<>();
        List<FacebookPage> pages = new ArrayList<>();
        for (String tenant : tenants) {
            Variables v = new Variables(env, prefix(tenant));
            v.get("TELEGRAM_TOKEN").ifPresent(token -> bots.add(v.build("TELEGRAM_TOKEN",
                    () -> new TelegramBot(tenant, token, v.get("TELEGRAM_WEBHOOK_SECRET")))));
            if (v.get("FACEBOOK_PAGE_TOKEN").isPresent() || v.get("FACEBOOK_PAGE_ID").isPresent()) {
                pages.add(v.build("FACEBOOK_*", () -> new FacebookPage(tenant, v.require("FACEBOOK_PAGE_ID"),
                        v.require("FACEBOOK_PAGE_TOKEN"), v.require("FACEBOOK_APP_ID"), v.require("FACEBOOK_APP_SECRET"),
                        v.get("FACEBOOK_VERIFY_TOKEN"))));
            }
        }
        return new ChannelSettings(config, bots, pages);
    }

    /** {@code SPORTELLO_ATS_MILANO_} for {@code ats-milano}. */
    public static String prefix(String tenant) {
        return "SPORTELLO_" + tenant.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    }

    public boolean any() {
        return !bots.isEmpty() || !pages.isEmpty();
    }

    /** One tenant's variables. */
    private record Variables(Map<String, String> env, String prefix) {

        Optional<String> get(String name) {
            return Optional.ofNullable(env.get(prefix + name)).map(String::trim).filter(s -> !s.isEmpty());
        }

        String require(String name) {
            return get(name).orElseThrow(() -> new ConfigException(prefix + name + " is not set"));
        }

        <T> T build(String name, java.util.function.Supplier<T> make) {
            try {
                return make.get();
            } catch (IllegalArgumentException e) {
                throw new ConfigException(prefix + name + ": " + e.getMessage());
            }
        }
    }
}
