package dev.ferry.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.ServerKind;
import dev.ferry.testsupport.ExternalProgram;
import dev.ferry.testsupport.RequiresPrograms;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chat page in two headless Chromium browsers against the demo in every container: they join
 * one room and see each other's messages, the history and the online count; the server reports
 * that it agreed permessage-deflate with Chromium. A screenshot of one page is kept as
 * {@code target/chat-screenshot-<container>.png}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}: skipped where they are missing,
 * failed instead with {@code -Dferry.requireExternalPrograms=true} (as in CI).
 */
@RequiresPrograms({ExternalProgram.CHROMIUM, ExternalProgram.CHROMEDRIVER})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatBrowserTest {

    private RunningDemos demos;

    @BeforeAll
    void start() throws Exception {
        demos = RunningDemos.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (demos != null) {
            demos.close();
        }
    }

    /**
     * With {@code dev.ferry.deflateContextTakeover=false}, Chromium's sessions compress every message
     * afresh, so a room's message is compressed once and the same compressed frame goes to both
     * browsers, which decode it: the bytes the server sent are far fewer than the text twice over.
     */
    @Test
    void browsersDecodeTheBroadcastFrameCompressedOnceForBoth() throws Exception {
        EmbeddedServer server = ServerKind.TOMCAT.create();
        try {
            DemoApplication.start(server, 0, List.of(), Set.of(), Map.of("dev.ferry.deflateContextTakeover", "false",
                    "dev.ferry.broadcast.nodeName", "compressing-node"));
            String page = "http://127.0.0.1:" + server.port() + "/?room=compressed";
            try (Browser alice = Browser.open(); Browser bob = Browser.open()) {
                alice.get(page);
                alice.joinAs("Alice");
                bob.get(page);
                bob.joinAs("Bob");
                bob.awaitText("online", "2");
                alice.awaitText("online", "2");
                alice.awaitText("compression", "permessage-deflate");
                long before = bytesSent("compressing-node");
                String text = "the same words again and again, ".repeat(60).trim();
                alice.say(text);
                bob.awaitMessage("Alice: " + text.substring(0, 100));
                alice.awaitMessage("Alice: " + text.substring(0, 100));
                long sent = bytesSent("compressing-node") - before;
                assertTrue(sent < text.length() / 4, "the " + text.length() + "-character message cost " + sent
                        + " bytes for both browsers together");
            }
        } finally {
            server.stop();
        }
    }

    /** The chat endpoint's BytesSent in the application whose broadcast node is {@code node}. */
    private static long bytesSent(String node) throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName broadcast : jmx.queryNames(new ObjectName("dev.ferry:type=Broadcast,*"), null)) {
            if (node.equals(jmx.getAttribute(broadcast, "Node"))) {
                ObjectName endpoint = new ObjectName("dev.ferry:type=Endpoint,application="
                        + broadcast.getKeyProperty("application") + ",container=" + broadcast.getKeyProperty("container")
                        + ",path=" + ObjectName.quote("/chat/{room}"));
                return (Long) jmx.getAttribute(endpoint, "BytesSent");
            }
        }
        throw new AssertionError("No broadcast MBean of node " + node);
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void twoBrowsersChatInOneRoom(ServerKind kind) throws Exception {
        String page = "http://127.0.0.1:" + demos.port(kind) + "/?room=browsers-" + kind.cliName();
        try (Browser alice = Browser.open(); Browser bob = Browser.open()) {
            alice.get(page);
            assertEquals("Ferry chat", alice.title());
            alice.joinAs("Alice");
            alice.awaitText("online", "1");
            // The server's own session reports the extension it agreed (see ChatEvent.Welcome).
            alice.awaitText("compression", "permessage-deflate");
            alice.say("Hello, anyone here?");
            alice.awaitMessage("Alice: Hello, anyone here?");

            bob.get(page);
            bob.joinAs("Bob");
            bob.awaitText("online", "2");
            bob.awaitText("compression", "permessage-deflate");
            bob.awaitMessage("Alice: Hello, anyone here?");
            assertTrue(bob.hasMessage("replay", "Hello, anyone here?"), "Bob sees Alice's message as history");
            alice.awaitText("online", "2");
            alice.awaitMessage("Bob joined");

            bob.say("Hi Alice, grüß dich, Bob here");
            alice.awaitMessage("Bob: Hi Alice, grüß dich, Bob here");
            alice.say("Welcome, Bob! <b>not bold</b>");
            bob.awaitMessage("Alice: Welcome, Bob! <b>not bold</b>"); // shown as text, never as HTML
            alice.awaitMessage("Alice: Welcome, Bob!");

            Path shot = Path.of("target", "chat-screenshot-" + kind.cliName() + ".png");
            alice.screenshot(shot);
            assertTrue(Files.size(shot) > 10_000, "a screenshot of a whole page");

            bob.find("leave").click();
            alice.awaitMessage("Bob left");
            alice.awaitText("online", "1");
        }
    }
}
