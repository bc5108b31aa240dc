package it.sportello.channel;

import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's Facebook page, from the environment: the page id and its page access token, the app's id and
 * secret (facebook4j needs them; the secret also checks Messenger's webhook signatures) and, when Messenger
 * is on, the verify token of its webhook subscription.
 */
public record FacebookPage(String tenant, String pageId, String pageToken, String appId, String appSecret,
                           Optional<String> verifyToken) {

    public FacebookPage {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(pageToken, "pageToken");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(appSecret, "appSecret");
        Objects.requireNonNull(verifyToken, "verifyToken");
        if (!pageId.matches("\\d{1,30}") || !appId.matches("\\d{1,30}")) {
            throw new IllegalArgumentException("a page id and an app id are numbers");
        }
        if (pageToken.isBlank() || appSecret.isBlank()) {
            throw new IllegalArgumentException("the page token and the app secret cannot be blank");
        }
    }

    public boolean messenger() {
        return verifyToken.isPresent();
    }

    @Override
    public String toString() {
        return "FacebookPage[" + tenant + ", page " + pageId + ", app " + appId + (messenger() ? ", messenger" : "") + "]";
    }
}
