package dev.ferry.tck.coders;

import jakarta.websocket.DecodeException;
import jakarta.websocket.EncodeException;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/** Server endpoints that decode and encode {@link Point}s with the coders of {@link PointCoders}. */
public final class CodersApp {

    private CodersApp() {
    }

    @ServerEndpoint(value = "/text", decoders = {PointCoders.TextDecoder.class, PointCoders.PolarTextDecoder.class},
            encoders = PointCoders.TextEncoder.class)
    public static class TextPoints {
        @OnMessage
        public Point onPoint(Point p) {
            return new Point(p.x() + 1, p.y() + 1);
        }

        @OnError
        public void onError(Session session, Throwable error) throws IOException {
            // DecodeException (a bad message) and EncodeException (a bad return value) both end here.
            session.getBasicRemote().sendText("error:" + error.getClass().getSimpleName());
        }
    }

    @ServerEndpoint(value = "/binary", decoders = PointCoders.BinaryDecoder.class, encoders = PointCoders.BinaryEncoder.class)
    public static class BinaryPoints {
        @OnMessage
        public Point onPoint(Point p) {
            return new Point(p.y(), p.x());
        }
    }

    @ServerEndpoint(value = "/text-stream", decoders = PointCoders.TextStreamDecoder.class,
            encoders = PointCoders.TextStreamEncoder.class)
    public static class TextStreamPoints {
        @OnMessage
        public void onPoint(Point p, Session session) throws IOException, EncodeException {
            session.getBasicRemote().sendObject(new Point(p.x() * 2, p.y() * 2));
        }
    }

    @ServerEndpoint(value = "/binary-stream", decoders = PointCoders.BinaryStreamDecoder.class,
            encoders = PointCoders.BinaryStreamEncoder.class)
    public static class BinaryStreamPoints {
        @OnMessage
        public void onPoint(Point p, Session session) {
            session.getAsyncRemote().sendObject(new Point(p.x() + 100, p.y()));
        }
    }

    /** Objects without an encoder of the application's: primitives and their boxes go as text. */
    @ServerEndpoint("/builtin")
    public static class BuiltInEncoders {
        @OnMessage
        public void onText(String text, Session session) throws IOException, EncodeException {
            session.getBasicRemote().sendObject(Integer.valueOf(text.length()));
            session.getBasicRemote().sendObject(text);
        }
    }

    /** Reports how often the text decoder was initialised and destroyed so far. */
    @ServerEndpoint("/decoder-lifecycle")
    public static class DecoderLifecycle {
        @OnMessage
        public String report(String ignored) {
            return PointCoders.TEXT_DECODER_INITS.get() + "/" + PointCoders.TEXT_DECODER_DESTROYS.get();
        }
    }

    /** A text decoder that throws: @OnError sees the DecodeException. */
    @ServerEndpoint(value = "/decode-error", decoders = PointCoders.TextDecoder.class)
    public static class DecodeErrors {
        @OnMessage
        public String onPoint(Point p) {
            return "decoded " + p;
        }

        @OnError
        public void onError(Session session, Throwable error) throws IOException {
            String data = error instanceof DecodeException d ? d.getText() : "-";
            session.getBasicRemote().sendText(error.getClass().getSimpleName() + ":" + data);
        }
    }
}
