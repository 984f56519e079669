package dev.ferry.samples;

import static dev.ferry.samples.ChatClient.said;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ferry.embedded.ServerKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The chat endpoint through the JDK's WebSocket client, in every container. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatEndpointTest {

    private final AtomicInteger rooms = new AtomicInteger();
    private RunningDemos demos;
    private HttpClient http;

    @BeforeAll
    void start() throws Exception {
        demos = RunningDemos.start();
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    void stop() throws Exception {
        demos.close();
    }

    private String base(ServerKind kind) {
        return "ws://127.0.0.1:" + demos.port(kind);
    }

    /** Rooms outlive their members, so each test gets fresh ones. */
    private String newRoom(ServerKind kind) {
        return kind.cliName() + "-" + rooms.incrementAndGet();
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void joinGetsWelcomeThenOwnJoinNoticeAndCount(ServerKind kind) throws Exception {
        String room = newRoom(kind);
        try (ChatClient alice = ChatClient.join(http, base(kind), room, "alice")) {
            Map<String, Object> welcome = alice.next();
            assertEquals("welcome", welcome.get("type"));
            assertEquals("alice", welcome.get("you"));
            assertEquals(room, welcome.get("room"));
            assertEquals("", welcome.get("extensions"), "the JDK client offers no extension");
            Map<String, Object> join = alice.next();
            assertEquals("join", join.get("type"));
            assertEquals("alice", join.get("name"));
            assertTrue(join.get("time") instanceof Long);
            assertEquals(Map.of("type", "online", "count", 1L), alice.next());
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void noticesAndCountFollowEveryJoinAndLeave(ServerKind kind) throws Exception {
        String room = newRoom(kind);
        try (ChatClient alice = ChatClient.join(http, base(kind), room, "alice")) {
            alice.awaitOnline(1);
            try (ChatClient bob = ChatClient.join(http, base(kind), room, "bob")) {
                List<Map<String, Object>> seen = alice.until(e -> "online".equals(e.get("type")), "online count");
                assertEquals(List.of("join", "online"), seen.stream().map(e -> e.get("type")).toList());
                assertEquals("bob", seen.get(0).get("name"));
                assertEquals(2L, seen.get(1).get("count"));
                bob.awaitOnline(2);
                bob.closeNormally();
                seen = alice.until(e -> "online".equals(e.get("type")), "online count");
                assertEquals(List.of("leave", "online"), seen.stream().map(e -> e.get("type")).toList());
                assertEquals("bob", seen.get(0).get("name"));
                assertEquals(1L, seen.get(1).get("count"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void messagesReachEveryoneInTheRoomAndNoOtherRoom(ServerKind kind) throws Exception {
        String room = newRoom(kind);
        String otherRoom = newRoom(kind);
        try (ChatClient alice = ChatClient.join(http, base(kind), room, "alice");
                ChatClient bob = ChatClient.join(http, base(kind), room, "bob");
                ChatClient carol = ChatClient.join(http, base(kind), otherRoom, "carol")) {
            alice.awaitOnline(2);
            bob.awaitOnline(2);
            carol.awaitOnline(1);
            alice.say("Grüße, \"bob\" \\ 😀\nline two");
            bob.until(said("alice", "Grüße, \"bob\" \\ 😀\nline two"), "alice's message");
            alice.until(said("alice", "Grüße, \"bob\" \\ 😀\nline two"), "alice's own message");
            // Carol's next event must be her own message: nothing from the other room came before it.
            carol.say("anyone?");
            Map<String, Object> next = carol.next();
            assertEquals("carol", next.get("from"), "carol saw " + next);
            assertEquals(Boolean.FALSE, next.get("replay"));
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void lastFiftyMessagesAreReplayedOnJoinInOrder(ServerKind kind) throws Exception {
        String room = newRoom(kind);
        try (ChatClient alice = ChatClient.join(http, base(kind), room, "alice")) {
            for (int i = 0; i < 55; i++) {
                alice.say("message " + i);
            }
            alice.until(said("alice", "message 54"), "the last message");
            try (ChatClient bob = ChatClient.join(http, base(kind), room, "bob")) {
                assertEquals("welcome", bob.next().get("type"));
                for (int i = 5; i < 55; i++) {
                    Map<String, Object> replayed = bob.next();
                    assertEquals("say", replayed.get("type"), "event " + i + ": " + replayed);
                    assertEquals("message " + i, replayed.get("text"));
                    assertEquals(Boolean.TRUE, replayed.get("replay"));
                }
                assertEquals("join", bob.next().get("type"));
                assertEquals(Map.of("type", "online", "count", 2L), bob.next());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void malformedMessageIsRefusedToItsSenderAndTheSessionGoesOn(ServerKind kind) throws Exception {
        String room = newRoom(kind);
        try (ChatClient alice = ChatClient.join(http, base(kind), room, "alice")) {
            alice.awaitOnline(1);
            alice.sendRaw("{\"type\":\"shout\",\"text\":\"hi\"}");
            Map<String, Object> error = alice.next();
            assertEquals("error", error.get("type"));
            assertTrue(((String) error.get("text")).contains("Unknown message type"), error.toString());
            alice.sendRaw("not json");
            assertEquals("error", alice.next().get("type"));
            alice.say("still here");
            alice.until(said("alice", "still here"), "the message after the errors");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void joiningWithoutANameIsRefusedWith1008(ServerKind kind) throws Exception {
        try (ChatClient nobody = ChatClient.connect(http, URI.create(base(kind) + "/chat/" + newRoom(kind)), true)) {
            String closed = nobody.closed.get(ChatClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(closed.startsWith("1008 Choose a name"), closed);
        }
    }

    /**
     * A client that stops reading must neither hold up the others nor fill the server's memory:
     * alice keeps talking until the server drops the stuck client, and sees every one of her
     * messages while it does.
     */
    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void clientThatStopsReadingIsDroppedWhileOthersGoOn(ServerKind kind) throws Exception {
        String room = newRoom(kind);
        String text = "x".repeat(1900);
        try (ChatClient alice = ChatClient.join(http, base(kind), room, "alice");
                ChatClient stuck = ChatClient.connect(HttpClient.newHttpClient(), URI.create(base(kind) + "/chat/" + room + "?name=stuck"), false)) {
            alice.awaitOnline(2);
            // Enough to fill the socket buffers on both sides of the stuck client several times over.
            int maxMessages = 20_000;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<Map<String, Object>> seen = new ArrayList<>();
            boolean dropped = false;
            int sent = 0;
            while (!dropped) {
                if (sent == maxMessages || System.nanoTime() > deadline) {
                    fail("The stuck client was not dropped after " + sent + " messages");
                }
                alice.say(text + " " + sent++);
                // Read alice's events as we go, as a live client does.
                Map<String, Object> event;
                try {
                    event = alice.next();
                } catch (AssertionError e) {
                    throw new AssertionError("After " + sent + " messages: " + e.getMessage(), e);
                }
                seen.add(event);
                dropped = "leave".equals(event.get("type")) && "stuck".equals(event.get("name"));
            }
            seen.addAll(alice.until(e -> "online".equals(e.get("type")), "the new online count"));
            assertEquals(1L, seen.get(seen.size() - 1).get("count"));
            alice.say("after");
            seen.addAll(alice.until(said("alice", "after"), "a message after the drop"));
            long echoed = seen.stream().filter(e -> "say".equals(e.get("type"))).count();
            assertEquals(sent + 1, echoed, "alice must see each of her messages");
            assertTrue(sent > 256, "dropped after only " + sent + " messages");
        }
    }
}
