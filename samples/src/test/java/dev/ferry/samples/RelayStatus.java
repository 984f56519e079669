package dev.ferry.samples;

import dev.ferry.testsupport.Poll;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A demo node's relay as JMX shows it ({@code dev.ferry:type=Broadcast}, told apart by node name):
 * tests wait for it to reach Redis before they chat across nodes. Public for the integration tests.
 */
public final class RelayStatus {

    private RelayStatus() {
    }

    /** Waits (up to 15 s) until the node named {@code node} relays through a reachable Redis. */
    public static void await(String node) throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        Poll.until(Duration.ofSeconds(15), node + "'s relay to reach Redis", () -> {
            for (ObjectName name : jmx.queryNames(new ObjectName("dev.ferry:type=Broadcast,*"), null)) {
                if (node.equals(jmx.getAttribute(name, "Node"))) {
                    return (Boolean) jmx.getAttribute(name, "RelayConnected");
                }
            }
            return false;
        });
    }
}
