package dev.ferry.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * The counters in JMX: one Topic MBean per open topic, there while the topic has a subscriber or
 * listener on this node, and the node's totals in the Broadcast MBean.
 */
class BroadcastJmxTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void topicsAndTotalsAreInJmxWhileTheyLive() throws Exception {
        try (TestNode node = new TestNode(TestNode.settings(2, SlowSubscriberPolicy.DROP), true, "/jmx-broadcast")) {
            ObjectName topicName = new ObjectName("dev.ferry:type=Topic,application=\"/jmx-broadcast\",container=1,"
                    + "topic=\"room/lobby\"");
            ObjectName totalsName = new ObjectName(
                    "dev.ferry:type=Broadcast,application=\"/jmx-broadcast\",container=1");
            assertFalse(server.isRegistered(totalsName), "nothing broadcast yet");
            TestNode.Client fast = node.connect();
            TestNode.Client slow = node.connect();
            node.topics.subscribe(fast.session(), "room/lobby");
            node.topics.subscribe(slow.session(), "room/lobby");
            slow.peer().stopReading();
            for (int i = 0; i < 5; i++) {
                node.topics.publish("room/lobby", "m" + i);
            }
            node.topics.publish("unheard", "m");
            assertEquals(2, server.getAttribute(topicName, "Subscribers"));
            assertEquals(0, server.getAttribute(topicName, "Listeners"));
            assertEquals(5L, server.getAttribute(topicName, "Published"));
            assertEquals(5L, server.getAttribute(topicName, "Delivered"), "the fast one's five");
            assertEquals(3L, server.getAttribute(topicName, "Dropped"), "the slow one took two");
            assertEquals("room/lobby", server.getAttribute(topicName, "Topic"));
            assertEquals(6L, server.getAttribute(totalsName, "Published"));
            assertEquals(1, server.getAttribute(totalsName, "Topics"));
            assertEquals(2, server.getAttribute(totalsName, "Subscribers"));
            assertEquals("test-node", server.getAttribute(totalsName, "Node"));
            assertEquals(false, server.getAttribute(totalsName, "RelayConnected"));
            slow.peer().startReading();
            assertEquals(7L, server.getAttribute(totalsName, "Delivered"));
            node.topics.unsubscribe(fast.session(), "room/lobby");
            node.topics.unsubscribe(slow.session(), "room/lobby");
            assertFalse(server.isRegistered(topicName), "gone with its last subscriber");
            assertEquals(Set.of(), server.queryNames(new ObjectName("dev.ferry:type=Topic,application=\"/jmx-broadcast\",*"),
                    null));
            assertTrue(server.isRegistered(totalsName));
        }
        assertEquals(Set.of(), server.queryNames(new ObjectName("dev.ferry:application=\"/jmx-broadcast\",*"), null));
    }
}
