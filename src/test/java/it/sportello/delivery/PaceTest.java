package it.sportello.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.contract.Channel;
import it.sportello.store.OutboxItem;
import it.sportello.store.OutboxKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaceTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private static OutboxItem toChat(String chat) {
        return OutboxItem.draft("ats-milano", Channel.TELEGRAM, OutboxKind.REPLY, chat, Optional.empty(),
                Optional.of("risposta"), T0);
    }

    private final Pace pace = new Pace(30, Duration.ofSeconds(1), item -> Optional.of(item.recipient()));

    @Test
    void aSecondItemToTheSameChatWithinASecondIsPutOff() {
        assertThat(pace.admit(toChat("tg:1"), T0)).isEmpty();
        assertThat(pace.admit(toChat("tg:1"), T0.plusMillis(300))).contains(T0.plusSeconds(1));
        assertThat(pace.admit(toChat("tg:2"), T0.plusMillis(300))).as("another chat goes at once").isEmpty();
        assertThat(pace.admit(toChat("tg:1"), T0.plusSeconds(1))).isEmpty();
    }

    @Test
    void itemsWithoutAKeyAreNeverPutOff() {
        Pace unkeyed = new Pace(30, Duration.ofSeconds(1), item -> Optional.empty());
        assertThat(unkeyed.admit(toChat("tg:1"), T0)).isEmpty();
        assertThat(unkeyed.admit(toChat("tg:1"), T0)).isEmpty();
    }

    @Test
    void theOverallLimitSpacesCalls() throws InterruptedException {
        Pace tenASecond = new Pace(10, Duration.ZERO, item -> Optional.empty());
        long t0 = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            tenASecond.awaitSlot();
        }
        // six slots at 10 a second: the sixth is 500 ms after the first, at the earliest
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(490));
    }
}
