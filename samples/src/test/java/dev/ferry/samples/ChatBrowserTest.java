package dev.ferry.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.embedded.ServerKind;
import dev.ferry.testsupport.ExternalProgram;
import dev.ferry.testsupport.RequiresPrograms;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
