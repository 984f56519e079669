package dev.ferry.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseHeadParserTest {

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void headArrivingOneByteAtATimeIsParsedAndWhatFollowsIsLeft() throws Exception {
        String text = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nX-A: 1\r\nx-a:  2 \r\n\r\nFRAME";
        ResponseHeadParser parser = new ResponseHeadParser();
        ByteBuffer in = bytes(text);
        HttpResponseHead head = null;
        while (head == null) {
            ByteBuffer one = in.slice(in.position(), 1);
            in.position(in.position() + 1);
            head = parser.feed(one);
            if (head == null) {
                assertEquals(0, one.remaining());
            }
        }
        assertEquals(101, head.status());
        assertEquals("Switching Protocols", head.reason());
        assertEquals(List.of("websocket"), head.values("upgrade"));
        assertEquals(List.of("1", "2"), head.values("X-A"));
        assertEquals("FRAME", StandardCharsets.ISO_8859_1.decode(in).toString());
    }

    @Test
    void bytesAfterTheHeadStayInTheBuffer() throws Exception {
        ByteBuffer in = bytes("HTTP/1.1 101 OK\r\n\r\n\u0081\u0002hi");
        assertNotNull(new ResponseHeadParser().feed(in));
        assertEquals(4, in.remaining());
    }

    @Test
    void bareLineFeedsAndFoldedLinesAreAccepted() throws Exception {
        HttpResponseHead head = new ResponseHeadParser().feed(bytes("HTTP/1.0 404\nX-Long: a\n  b\n\n"));
        assertEquals(404, head.status());
        assertEquals("", head.reason());
        assertEquals(List.of("a b"), head.values("X-Long"));
    }

    @Test
    void incompleteHeadAsksForMore() throws Exception {
        assertNull(new ResponseHeadParser().feed(bytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n")));
    }

    @Test
    void headsLongerThan16KiBAreRefused() throws Exception {
        ResponseHeadParser parser = new ResponseHeadParser();
        String line = "X-Filler: " + "f".repeat(1000) + "\r\n";
        assertNull(parser.feed(bytes("HTTP/1.1 101 OK\r\n" + line.repeat(16))));
        ProtocolException e = assertThrows(ProtocolException.class, () -> parser.feed(bytes(line)));
        assertTrue(e.getMessage().contains("16384"), e.getMessage());
    }

    @Test
    void headOfExactly16KiBIsAccepted() throws Exception {
        String start = "HTTP/1.1 101 OK\r\nX: ";
        String end = "\r\n\r\n";
        String text = start + "y".repeat(ResponseHeadParser.MAX_HEAD_BYTES - start.length() - end.length()) + end;
        assertEquals(ResponseHeadParser.MAX_HEAD_BYTES, text.length());
        assertNotNull(new ResponseHeadParser().feed(bytes(text)));
    }

    @Test
    void malformedStatusLineOrHeaderIsRefused() {
        assertThrows(ProtocolException.class, () -> new ResponseHeadParser().feed(bytes("SSH-2.0-OpenSSH\r\n\r\n")));
        assertThrows(ProtocolException.class, () -> new ResponseHeadParser().feed(bytes("HTTP/1.1 1x1 X\r\n\r\n")));
        assertThrows(ProtocolException.class,
                () -> new ResponseHeadParser().feed(bytes("HTTP/1.1 101 X\r\nno colon here\r\n\r\n")));
    }
}
