package dev.ferry.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.DecodeException;
import org.junit.jupiter.api.Test;

class ChatCodecTest {

    private final ChatEventEncoder encoder = new ChatEventEncoder();
    private final ChatPostDecoder decoder = new ChatPostDecoder();

    @Test
    void encodesEveryEventWithItsType() {
        assertEquals("{\"type\":\"welcome\",\"you\":\"al\",\"room\":\"r\",\"extensions\":\"permessage-deflate\","
                + "\"node\":\"n1\"}", encoder.encode(new ChatEvent.Welcome("al", "r", "permessage-deflate", "n1")));
        assertEquals("{\"type\":\"say\",\"from\":\"al\",\"text\":\"hi\",\"time\":7,\"replay\":true}",
                encoder.encode(new ChatEvent.Said("al", "hi", 7, false).asReplay()));
        assertEquals("{\"type\":\"join\",\"name\":\"al\",\"id\":\"a:1\",\"time\":1}",
                encoder.encode(new ChatEvent.Joined("al", "a:1", 1)));
        assertEquals("{\"type\":\"leave\",\"name\":\"al\",\"id\":\"a:1\",\"time\":2}",
                encoder.encode(new ChatEvent.Left("al", "a:1", 2)));
        assertEquals("{\"type\":\"hello\",\"node\":\"a\"}", encoder.encode(new ChatEvent.Hello("a")));
        assertEquals("{\"type\":\"here\",\"name\":\"al\",\"id\":\"a:1\"}", encoder.encode(new ChatEvent.Here("al", "a:1")));
        assertEquals("{\"type\":\"online\",\"count\":3}", encoder.encode(new ChatEvent.Online(3)));
        assertEquals("{\"type\":\"error\",\"text\":\"no\"}", encoder.encode(new ChatEvent.Problem("no")));
    }

    @Test
    void decodesASayMessageStripped() throws DecodeException {
        assertEquals(new ChatPost("hello"), decoder.decode("{\"type\":\"say\",\"text\":\"  hello \\n\"}"));
        assertTrue(decoder.willDecode("anything: the decoder says what is wrong"));
    }

    @Test
    void refusesWithAMessageForTheSender() {
        assertMessage("{\"type\":\"say\"}", "needs a non-empty \"text\"");
        assertMessage("{\"type\":\"say\",\"text\":\"   \"}", "needs a non-empty \"text\"");
        assertMessage("{\"type\":\"say\",\"text\":5}", "needs a non-empty \"text\"");
        assertMessage("{\"text\":\"hi\"}", "Unknown message type");
        assertMessage("{\"type\":\"say\",\"text\":\"" + "a".repeat(ChatPost.MAX_TEXT_LENGTH + 1) + "\"}",
                "limited to " + ChatPost.MAX_TEXT_LENGTH);
        assertMessage("hi", "Not a flat JSON object");
    }

    private void assertMessage(String message, String expected) {
        DecodeException e = assertThrows(DecodeException.class, () -> decoder.decode(message));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void namesAreCheckedBeforeTheyAreShownToEveryone() {
        assertEquals("alice", ChatNames.userName(java.util.List.of("  alice ")));
        assertEquals(null, ChatNames.userName(null));
        assertEquals(null, ChatNames.userName(java.util.List.of(" ")));
        assertEquals(null, ChatNames.userName(java.util.List.of("a", "b")));
        assertEquals(null, ChatNames.userName(java.util.List.of("a\u0007b")));
        assertEquals("😀".repeat(24), ChatNames.userName(java.util.List.of("😀".repeat(24))));
        assertEquals(null, ChatNames.userName(java.util.List.of("a".repeat(25))));
        assertTrue(ChatNames.isRoomName("lobby-2.b_c"));
        assertTrue(!ChatNames.isRoomName("a/b") && !ChatNames.isRoomName("") && !ChatNames.isRoomName("x".repeat(33)));
    }
}
