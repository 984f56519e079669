package dev.ferry.broadcast.redis;

import java.lang.System.Logger.Level;
import java.util.function.LongSupplier;

/**
 * Whether the relay's two connections (one subscribes, one publishes) reach Redis, and the log
 * lines that say so, once per change: an operator reads when cross-node delivery stopped, why,
 * and when it came back.
 */
final class Reachability {

    private static final System.Logger LOG = System.getLogger(RedisRelay.class.getName());

    private final String broker;
    private final String node;
    private final LongSupplier lost;
    private boolean subscriberUp;
    private boolean publisherUp;
    /** Whether the last line logged said unreachable (the first connection logs nothing before it). */
    private boolean saidDown;
    private boolean everUp;
    private long lostWhenDown;

    Reachability(String broker, String node, LongSupplier lost) {
        this.broker = broker;
        this.node = node;
        this.lost = lost;
    }

    synchronized boolean isUp() {
        return subscriberUp && publisherUp;
    }

    synchronized void up(boolean subscriber) {
        if (subscriber) {
            subscriberUp = true;
        } else {
            publisherUp = true;
        }
        if (!isUp()) {
            return;
        }
        if (saidDown) {
            LOG.log(Level.INFO, "Ferry WebSocket broadcast on " + node + ": Redis at " + broker
                    + " is reachable again; messages go to and come from the other nodes again ("
                    + (lost.getAsLong() - lostWhenDown) + " published on this node meanwhile did not reach them)");
        } else if (!everUp) {
            LOG.log(Level.INFO, "Ferry WebSocket broadcast on " + node + ": relaying through Redis at " + broker);
        }
        saidDown = false;
        everUp = true;
    }

    synchronized void down(boolean subscriber, String why) {
        if (subscriber) {
            subscriberUp = false;
        } else {
            publisherUp = false;
        }
        if (!saidDown) {
            saidDown = true;
            lostWhenDown = lost.getAsLong();
            LOG.log(Level.WARNING, "Ferry WebSocket broadcast on " + node + ": Redis at " + broker + " is unreachable ("
                    + why + "); this node's subscribers still get what is published here, but messages published"
                    + " meanwhile do not reach the other nodes and are lost. Trying again.");
        }
    }
}
