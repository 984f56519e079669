package dev.ferry.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The room's rules with fake sessions, so that what a slow client does is exact, not timing-dependent. */
class ChatRoomTest {

    private final AtomicLong clock = new AtomicLong(1000);
    private final ChatRoom room = new ChatRoom("r", clock::incrementAndGet);

    private ChatMember join(FakeSession fake, String name) {
        ChatMember member = new ChatMember(name, fake.session);
        room.join(member, new ChatEvent.Welcome(name, "r", ""));
        return member;
    }

    @Test
    void newcomerGetsWelcomeHistoryThenItsJoinAndTheCount() {
        FakeSession aliceSession = new FakeSession("a");
        ChatMember alice = join(aliceSession, "alice");
        for (int i = 0; i < ChatRoom.HISTORY + 3; i++) {
            room.say(alice, "m" + i);
        }
        FakeSession bobSession = new FakeSession("b");
        join(bobSession, "bob");
        List<ChatEvent> bob = bobSession.sent();
        assertEquals(new ChatEvent.Welcome("bob", "r", ""), bob.get(0));
        for (int i = 0; i < ChatRoom.HISTORY; i++) {
            ChatEvent.Said said = (ChatEvent.Said) bob.get(1 + i);
            assertEquals("m" + (i + 3), said.text());
            assertTrue(said.replay());
        }
        assertEquals("bob", ((ChatEvent.Joined) bob.get(ChatRoom.HISTORY + 1)).name());
        assertEquals(new ChatEvent.Online(2), bob.get(ChatRoom.HISTORY + 2));
        assertEquals(ChatRoom.HISTORY + 3, bob.size());
        List<ChatEvent> alices = aliceSession.sent();
        assertEquals(new ChatEvent.Online(2), alices.get(alices.size() - 1));
        assertTrue(alices.stream().noneMatch(e -> e instanceof ChatEvent.Said s && s.replay()));
    }

    @Test
    void leavingIsAnnouncedOnceAndTheLeaverCannotSpeak() {
        FakeSession aliceSession = new FakeSession("a");
        join(aliceSession, "alice");
        ChatMember bob = join(new FakeSession("b"), "bob");
        room.leave(bob);
        room.leave(bob);
        room.say(bob, "ghost");
        List<ChatEvent> alice = aliceSession.sent();
        assertEquals(List.of("Welcome", "Joined", "Online", "Joined", "Online", "Left", "Online"), types(alice));
        assertEquals(new ChatEvent.Online(1), alice.get(6));
        assertEquals(1, room.online());
    }

    @Test
    void sendsCompletingLaterGoOutOneAtATimeInOrder() {
        FakeSession slow = new FakeSession("s");
        slow.holdSends = true;
        ChatMember alice = join(slow, "alice");
        room.say(alice, "one");
        room.say(alice, "two");
        assertEquals(1, slow.sent().size(), "one send at a time");
        while (slow.completeOne()) {
            // each completion starts the next send
        }
        assertEquals(List.of("Welcome", "Joined", "Online", "Said", "Said"), types(slow.sent()));
    }

    @Test
    void memberThatStopsReadingIsDroppedAndTheOthersAreNotHeldUp() {
        FakeSession aliceSession = new FakeSession("a");
        ChatMember alice = join(aliceSession, "alice");
        FakeSession stuckSession = new FakeSession("s");
        stuckSession.holdSends = true; // its first send never completes: nothing more leaves
        join(stuckSession, "stuck");
        int said = 0;
        while (room.online() == 2 && said < 10 * ChatMember.OUTBOX_LIMIT) {
            room.say(alice, "m" + said++);
        }
        assertEquals(1, room.online());
        assertTrue(said <= ChatMember.OUTBOX_LIMIT + 1, "dropped after " + said + " messages");
        List<ChatEvent> alices = aliceSession.sent();
        assertEquals(new ChatEvent.Left("stuck", clock.get()), alices.get(alices.size() - 2));
        assertEquals(new ChatEvent.Online(1), alices.get(alices.size() - 1));
        assertEquals(said, alices.stream().filter(e -> e instanceof ChatEvent.Said).count());
        assertEquals(1, stuckSession.closes.size());
        CloseReason close = stuckSession.closes.get(0);
        assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, close.getCloseCode());
        assertTrue(close.getReasonPhrase().startsWith("Too slow"), close.getReasonPhrase());
        int sentToStuck = stuckSession.sent().size();
        room.say(alice, "after");
        stuckSession.completeOne();
        assertEquals(sentToStuck, stuckSession.sent().size(), "nothing more goes to a dropped member");
    }

    private static List<String> types(List<ChatEvent> events) {
        List<String> types = new ArrayList<>();
        for (ChatEvent e : events) {
            types.add(e.getClass().getSimpleName());
        }
        return types;
    }
}
