package it.sportello.channel;

import it.sportello.delivery.OutboxDrainer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains one tenant's outbox on one channel, on its own thread, on every instance: the claims' row locks
 * and leases keep two instances from sending the same item.
 */
public final class DeliveryLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLoop.class);

    private final OutboxDrainer drainer;
    private final int batch;
    private final Duration idle;
    private final Thread thread;
    private volatile boolean running = true;

    public DeliveryLoop(String name, OutboxDrainer drainer, int batch, Duration idle) {
        this.drainer = drainer;
        this.batch = batch;
        this.idle = idle;
        this.thread = new Thread(this::run, "sportello-deliver-" + name);
        this.thread.setDaemon(true);
    }

    public DeliveryLoop start() {
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            try {
                if (drainer.drainOnce(batch) == 0) {
                    TimeUnit.MILLISECONDS.sleep(idle.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // The store is unreachable: the items stay pending and are claimed again later.
                LOG.atWarn().setMessage("outbox drain failed").addKeyValue("error", e.getClass().getSimpleName()).log();
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    /**
     * Stops after the item in hand: its outcome is recorded, so a stop never leaves an item sent but not
     * marked.
     */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
