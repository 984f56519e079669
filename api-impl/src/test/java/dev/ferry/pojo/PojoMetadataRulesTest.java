package dev.ferry.pojo;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.message.Coders.Point;
import dev.ferry.message.Coders;
import dev.ferry.message.MessageKind;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Decoder;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every deployment rule of chapter 4, each checked to fail with a message naming class, method and rule. */
public class PojoMetadataRulesTest {

    private static String problemsOf(Class<?> endpoint) {
        return problemsOf(endpoint, List.of(), List.of());
    }

    private static String problemsOf(Class<?> endpoint, List<Class<? extends Decoder>> decoders,
            List<Class<? extends Encoder>> encoders) {
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> PojoMetadata.analyse(endpoint, Set.of("room"), decoders, encoders));
        return e.getMessage();
    }

    private static void assertProblem(String message, String expectedLine) {
        assertTrue(message.contains(expectedLine), () -> "expected <" + expectedLine + "> in:\n" + message);
    }

    private static int problemCount(String message) {
        return message.split("\n").length - 1; // the first line is the summary
    }

    // ---- methods

    public static class NonPublicMethod {
        @OnMessage
        void onText(String text) {
        }
    }

    @Test
    void annotatedMethodMustBePublic() {
        String message = problemsOf(NonPublicMethod.class);
        assertProblem(message, NonPublicMethod.class.getName() + ".onText(String): @OnMessage method must be public");
        assertEquals(1, problemCount(message), message);
    }

    public static class StaticMethod {
        @OnOpen
        public static void opened(Session session) {
        }
    }

    @Test
    void annotatedMethodMustNotBeStatic() {
        assertProblem(problemsOf(StaticMethod.class),
                StaticMethod.class.getName() + ".opened(Session): @OnOpen method must not be static");
    }

    public static class TwoOpens {
        @OnOpen
        public void a() {
        }

        @OnOpen
        public void b(Session session) {
        }

        @OnClose
        public void c() {
        }

        @OnClose
        public void d() {
        }

        @OnError
        public void e(Throwable t) {
        }

        @OnError
        public void f(Throwable t) {
        }
    }

    @Test
    void atMostOneOpenCloseAndErrorMethod() {
        String message = problemsOf(TwoOpens.class);
        String name = TwoOpens.class.getName();
        assertProblem(message, name + ".b(Session): is a second @OnOpen method (the first is " + name + ".a())");
        assertProblem(message, name + ".d(): is a second @OnClose method (the first is " + name + ".c())");
        assertProblem(message, name + ".f(Throwable): is a second @OnError method (the first is "
                + name + ".e(Throwable))");
        assertEquals(3, problemCount(message), message);
    }

    public static class BadLifecycleParameters {
        @OnOpen
        public void opened(Session session, String extra, EndpointConfig config) {
        }

        @OnClose
        public void closed(EndpointConfig config, CloseReason reason) {
        }

        @OnError
        public void failed(Session session) {
        }
    }

    @Test
    void lifecycleParameters() {
        String message = problemsOf(BadLifecycleParameters.class);
        String name = BadLifecycleParameters.class.getName();
        assertProblem(message, name + ".opened(Session,String,EndpointConfig): @OnOpen parameter 2 of type String"
                + " is not allowed; @OnOpen accepts only Session, EndpointConfig and @PathParam parameters");
        assertProblem(message, name + ".closed(EndpointConfig,CloseReason): @OnClose parameter 1 of type"
                + " EndpointConfig is not allowed");
        assertProblem(message, name + ".failed(Session): @OnError must have a Throwable parameter");
        assertEquals(3, problemCount(message), message);
    }

    public static class TwoThrowables {
        @OnError
        public void failed(Throwable a, Throwable b) {
        }
    }

    @Test
    void onErrorTakesExactlyOneThrowable() {
        assertProblem(problemsOf(TwoThrowables.class), TwoThrowables.class.getName()
                + ".failed(Throwable,Throwable): @OnError has 2 Throwable parameters; it takes exactly one");
    }

    public static class Chat {
        @OnMessage
        public void onMsg(int count, String text) {
        }
    }

    @Test
    void twoMessageParameters() {
        assertProblem(problemsOf(Chat.class),
                Chat.class.getName() + ".onMsg(int,String): @OnMessage has two message parameters (int, String)");
    }

    public static class NoMessageParameter {
        @OnMessage
        public void onMsg(Session session) {
        }
    }

    @Test
    void noMessageParameter() {
        assertProblem(problemsOf(NoMessageParameter.class),
                NoMessageParameter.class.getName() + ".onMsg(Session): @OnMessage has no message parameter");
    }

    public static class LastFlagOnWholeOnlyTypes {
        @OnMessage
        public void text(Reader reader, boolean last) {
        }

        @OnMessage
        public void binary(boolean last, InputStream in) {
        }

        @OnMessage
        public void pong(PongMessage pong, boolean last) {
        }
    }

    @Test
    void lastFlagOnlyWithStringByteBufferOrByteArray() {
        String message = problemsOf(LastFlagOnWholeOnlyTypes.class);
        String name = LastFlagOnWholeOnlyTypes.class.getName();
        assertProblem(message, name + ".text(Reader,boolean): @OnMessage has a boolean 'last' parameter, but Reader"
                + " messages cannot be received in parts");
        assertProblem(message, name + ".binary(boolean,InputStream): @OnMessage has a boolean 'last' parameter,"
                + " but InputStream");
        assertProblem(message, name + ".pong(PongMessage,boolean): @OnMessage has a boolean 'last' parameter,"
                + " but PongMessage");
        assertEquals(3, problemCount(message), message);
    }

    public static class TwoPerKind {
        @OnMessage
        public void text(String text) {
        }

        @OnMessage
        public void number(int number) {
        }

        @OnMessage
        public void bytes(byte[] bytes) {
        }

        @OnMessage
        public void buffer(ByteBuffer buffer, boolean last) {
        }

        @OnMessage
        public void pong1(PongMessage pong) {
        }

        @OnMessage
        public void pong2(PongMessage pong, Session session) {
        }
    }

    @Test
    void atMostOneMessageMethodPerKind() {
        String message = problemsOf(TwoPerKind.class);
        String name = TwoPerKind.class.getName();
        // Methods are analysed in name order, so the second of each kind is the later name.
        assertProblem(message, name + ".text(String): is a second @OnMessage method for text messages (the first is "
                + name + ".number(int))");
        assertProblem(message, name + ".bytes(byte[]): is a second @OnMessage method for binary messages (the first"
                + " is " + name + ".buffer(ByteBuffer,boolean))");
        assertProblem(message, name + ".pong2(PongMessage,Session): is a second @OnMessage method for pong messages");
        assertEquals(3, problemCount(message), message);
    }

    public static class BadReturnTypes {
        @OnMessage
        public Object text(String text) {
            return null;
        }

        @OnMessage
        public Object pong(PongMessage pong) {
            return null;
        }

        @OnMessage
        public Point binary(ByteBuffer buffer) {
            return null;
        }
    }

    public static class PongWithAnswer {
        @OnMessage
        public String pong(PongMessage pong) {
            return "pong seen";
        }
    }

    @Test
    void pongMethodMayReturnAMessage() {
        assertDoesNotThrow(() -> PojoMetadata.analyse(PongWithAnswer.class, Set.of(), List.of(), List.of()));
    }

    @Test
    void returnTypeMustBeSendable() {
        String message = problemsOf(BadReturnTypes.class);
        String name = BadReturnTypes.class.getName();
        assertProblem(message, name + ".text(String): @OnMessage return type java.lang.Object cannot be sent back");
        assertProblem(message, name + ".pong(PongMessage): @OnMessage return type java.lang.Object cannot be sent back");
        assertProblem(message, name + ".binary(ByteBuffer): @OnMessage return type " + Point.class.getName()
                + " cannot be sent back");
        assertEquals(3, problemCount(message), message);
        // With an encoder for Point the third becomes valid.
        String withEncoder = problemsOf(BadReturnTypes.class, List.of(), List.of(Coders.PointTextEncoder.class));
        assertEquals(2, problemCount(withEncoder), withEncoder);
    }

    public static class UndecodableMessage {
        @OnMessage
        public void onPoint(Point point) {
        }
    }

    @Test
    void messageTypeNeedsADecoder() {
        assertProblem(problemsOf(UndecodableMessage.class), UndecodableMessage.class.getName()
                + ".onPoint(Point): @OnMessage parameter type " + Point.class.getName() + " is not a message type"
                + " and no configured decoder produces it");
        assertDoesNotThrow(() -> PojoMetadata.analyse(UndecodableMessage.class, Set.of(),
                List.of(Coders.PointBinaryDecoder.class), List.of()));
    }

    public static class BadPathParams {
        @OnOpen
        public void opened(@PathParam("room") Date room) {
        }

        @OnMessage
        public void onText(String text, @PathParam("missing") int missing) {
        }

        @OnClose
        public void closed(@PathParam("missing") String fine, @PathParam("missing") Integer alsoFine) {
        }
    }

    @Test
    void pathParamTypesAndNames() {
        String message = problemsOf(BadPathParams.class);
        String name = BadPathParams.class.getName();
        assertProblem(message, name + ".opened(Date): @OnOpen @PathParam(\"room\") parameter of type Date is not"
                + " allowed; use String, a primitive or a boxed primitive");
        assertProblem(message, name + ".onText(String,int): @OnMessage @PathParam(\"missing\") names no variable of"
                + " the path template [room], so its value is always null, which a primitive int cannot hold");
        assertEquals(2, problemCount(message), message);
    }

    static class NotPublic {
    }

    public abstract static class Abstract {
    }

    public interface AnInterface {
    }

    @Test
    void classMustBePublicAndConcrete() {
        assertProblem(problemsOf(NotPublic.class), NotPublic.class.getName() + ": an endpoint class must be public");
        assertProblem(problemsOf(Abstract.class), Abstract.class.getName() + ": an endpoint class must not be abstract");
        assertProblem(problemsOf(AnInterface.class), AnInterface.class.getName() + ": an endpoint must be a class");
    }

    public static class TwoAnnotations {
        @OnOpen
        @OnClose
        public void both() {
        }
    }

    @Test
    void oneLifecycleAnnotationPerMethod() {
        assertProblem(problemsOf(TwoAnnotations.class), TwoAnnotations.class.getName()
                + ".both(): has @OnOpen and @OnClose; a method may carry only one of them");
    }

    public static class ManyProblems {
        @OnOpen
        void opened(String wrong) {
        }

        @OnMessage
        public static void onText(String a, String b) {
        }

        @OnError
        public void failed() {
        }
    }

    @Test
    void allProblemsOfAClassInOneException() {
        String message = problemsOf(ManyProblems.class, List.of(Coders.RawDecoder.class), List.of());
        String name = ManyProblems.class.getName();
        assertTrue(message.startsWith("Endpoint " + name + " is invalid (6 problems):"), message);
        assertProblem(message, name + ".opened(String): @OnOpen method must be public");
        assertProblem(message, name + ".opened(String): @OnOpen parameter 1 of type String is not allowed");
        assertProblem(message, name + ".onText(String,String): @OnMessage method must not be static");
        assertProblem(message, name + ".onText(String,String): @OnMessage has two message parameters");
        assertProblem(message, name + ".failed(): @OnError must have a Throwable parameter");
        assertProblem(message, name + ": Decoder " + Coders.RawDecoder.class.getName() + ": cannot tell which type");
    }

    public static class Sized {
        @OnMessage(maxMessageSize = 1234)
        public void onText(String text) {
        }

        @OnMessage
        public void onBinary(byte[] bytes) {
        }
    }

    @Test
    void maxMessageSizePerKind() throws Exception {
        PojoMetadata metadata = PojoMetadata.analyse(Sized.class, Set.of(), List.of(), List.of());
        assertEquals(1234, metadata.maxMessageSize(MessageKind.TEXT));
        assertEquals(-1, metadata.maxMessageSize(MessageKind.BINARY));
        assertEquals(-1, metadata.maxMessageSize(MessageKind.PONG));
    }

    // ---- inheritance

    public static class BaseEndpoint {
        @OnMessage
        public String onText(String text) {
            return "base " + text;
        }

        @OnOpen
        public void opened() {
        }
    }

    public static class OverridingEndpoint extends BaseEndpoint {
        @Override
        @OnMessage
        public String onText(String text) {
            return "derived " + text;
        }

        @Override
        @OnOpen
        public void opened() {
        }
    }

    public static class SecondTextMethodEndpoint extends BaseEndpoint {
        @OnMessage
        public void onReader(Reader reader) {
        }
    }

    @Test
    void overridingMethodCountsOnce() throws Exception {
        PojoHarness harness = PojoHarness.open(new OverridingEndpoint());
        harness.session.receiveText("hi");
        assertEquals(List.of("derived hi"), harness.session.basic.texts);
    }

    @Test
    void inheritedMethodsCountAgainstTheRules() {
        String message = problemsOf(SecondTextMethodEndpoint.class);
        assertProblem(message, BaseEndpoint.class.getName() + ".onText(String): is a second @OnMessage method for"
                + " text messages (the first is " + SecondTextMethodEndpoint.class.getName() + ".onReader(Reader))");
    }
}
