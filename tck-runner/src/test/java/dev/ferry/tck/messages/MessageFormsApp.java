package dev.ferry.tck.messages;

import jakarta.websocket.OnMessage;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** One server endpoint per {@code @OnMessage} form of section 4.7; each answers with what it saw. */
public final class MessageFormsApp {

    private MessageFormsApp() {
    }

    @ServerEndpoint("/text")
    public static class WholeText {
        @OnMessage
        public String onText(String text, Session session) {
            return "text:" + text + ":" + session.isOpen();
        }
    }

    @ServerEndpoint("/text-partial")
    public static class PartialText {
        private final StringBuilder whole = new StringBuilder();
        private int parts;

        @OnMessage
        public void onPart(Session session, String part, boolean last) throws IOException {
            whole.append(part);
            parts++;
            if (last) {
                session.getBasicRemote().sendText(parts + ":" + whole);
                whole.setLength(0);
                parts = 0;
            }
        }
    }

    @ServerEndpoint("/bytebuffer")
    public static class WholeByteBuffer {
        @OnMessage
        public ByteBuffer onBinary(ByteBuffer data) {
            ByteBuffer answer = ByteBuffer.allocate(data.remaining() + 1);
            answer.put((byte) 'B').put(data).flip();
            return answer;
        }
    }

    @ServerEndpoint("/bytearray")
    public static class WholeByteArray {
        @OnMessage
        public byte[] onBinary(byte[] data) {
            byte[] answer = new byte[data.length];
            for (int i = 0; i < data.length; i++) {
                answer[i] = data[data.length - 1 - i];
            }
            return answer;
        }
    }

    @ServerEndpoint("/binary-partial")
    public static class PartialBinary {
        private int parts;
        private int bytes;

        @OnMessage
        public void onPart(byte[] part, boolean last, Session session) throws IOException {
            parts++;
            bytes += part.length;
            if (last) {
                session.getBasicRemote().sendText(parts + " parts, " + bytes + " bytes");
                parts = 0;
                bytes = 0;
            }
        }
    }

    @ServerEndpoint("/bytebuffer-partial")
    public static class PartialByteBuffer {
        private int bytes;

        @OnMessage
        public String onPart(ByteBuffer part, boolean last) {
            bytes += part.remaining();
            if (!last) {
                return null; // a null return value sends nothing
            }
            int total = bytes;
            bytes = 0;
            return "total " + total;
        }
    }

    @ServerEndpoint("/reader")
    public static class TextReader {
        @OnMessage
        public String onText(Reader reader) throws IOException {
            StringBuilder text = new StringBuilder();
            char[] chunk = new char[100];
            for (int n; (n = reader.read(chunk)) != -1; ) {
                text.append(chunk, 0, n);
            }
            return "read " + text.length() + " chars ending " + text.substring(text.length() - 3);
        }
    }

    @ServerEndpoint("/inputstream")
    public static class BinaryStream {
        @OnMessage
        public String onBinary(InputStream in) throws IOException {
            byte[] all = in.readAllBytes();
            return "read " + all.length + " bytes, last " + all[all.length - 1];
        }
    }

    @ServerEndpoint("/pong")
    public static class Pongs {
        @OnMessage
        public String onPong(PongMessage pong) {
            return "pong:" + StandardCharsets.UTF_8.decode(pong.getApplicationData());
        }
    }

    @ServerEndpoint("/int")
    public static class PrimitiveInt {
        @OnMessage
        public int onInt(int value) {
            return value + 1;
        }
    }

    @ServerEndpoint("/boxed-boolean")
    public static class BoxedBoolean {
        @OnMessage
        public Boolean onBoolean(Boolean value) {
            return !value;
        }
    }

    @ServerEndpoint("/double")
    public static class PrimitiveDouble {
        @OnMessage
        public String onDouble(double value) {
            return "twice " + (value * 2);
        }
    }

    @ServerEndpoint("/char")
    public static class PrimitiveChar {
        @OnMessage
        public char onChar(char value) {
            return Character.toUpperCase(value);
        }
    }

    @ServerEndpoint("/long")
    public static class PrimitiveLong {
        @OnMessage
        public long onLong(long value) {
            return -value;
        }
    }

    /** Text, binary and pong handlers on one endpoint, each with the session in a different place. */
    @ServerEndpoint("/mixed")
    public static class Mixed {
        @OnMessage
        public String text(Session session, String text) {
            return "t:" + text;
        }

        @OnMessage
        public String binary(ByteBuffer data, Session session) {
            return "b:" + data.remaining();
        }

        @OnMessage
        public String pong(PongMessage pong) {
            return "p:" + pong.getApplicationData().remaining();
        }
    }

    /** A void method sends nothing; the answer comes from the next message's handler. */
    @ServerEndpoint("/void")
    public static class VoidReturn {
        private int seen;

        @OnMessage
        public void onText(String text, Session session) throws IOException {
            seen++;
            if (text.equals("count")) {
                session.getBasicRemote().sendText("seen " + seen);
            }
        }
    }
}
