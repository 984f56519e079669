package dev.ferry.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ferry.distribution.app.GoodbyeEndpoint;
import dev.ferry.testsupport.EarlyFrameClient;
import dev.ferry.testsupport.JdkMessageCollector;
import java.net.URI;
import java.time.Duration;
import java.util.Random;

/**
 * What every installation must do with the sample application, checked with the JDK's WebSocket
 * client: echo text and binary messages (small, and larger than the default 64 KiB limit, which
 * the endpoint raises), answer a client's close, and close from the server's side. Plus one raw
 * client that sends its first frame with the handshake.
 */
final class SampleAppChecks {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI webSocketBase;

    /** @param applicationUri the application's HTTP address, ending in '/' */
    SampleAppChecks(URI applicationUri) {
        this.webSocketBase = URI.create(applicationUri.toString().replaceFirst("^http", "ws"));
    }

    /**
     * Checks the info servlet's answer, read while waiting for the server: what the application runs on.
     *
     * @return whether the server binds the application's JNDI context for request threads
     */
    static boolean assertInfo(String info, String servletVersion, boolean jettyCoreVisible) {
        int jndiLine = info.indexOf("jndi=");
        assertEquals("servlet=" + servletVersion + "\n"
                + "serverContainer=dev.ferry.server.FerryServerContainer\n"
                + "jettyCoreVisible=" + jettyCoreVisible + "\n", jndiLine < 0 ? info : info.substring(0, jndiLine),
                "the application should run with Ferry's server container, installed at the right level");
        return Boolean.parseBoolean(info.substring(jndiLine + "jndi=".length()).trim());
    }

    void echoesTextAndBinary() throws Exception {
        try (JdkWebSocketClient client = JdkWebSocketClient.connect(webSocketBase.resolve("echo"), TIMEOUT)) {
            String greeting = "Grüße über die Fähre ⛴";
            client.send(greeting, TIMEOUT);
            assertEquals(greeting, client.nextMessage(TIMEOUT));

            byte[] small = {0, 1, 2, (byte) 0xff, (byte) 0x80};
            client.send(small, TIMEOUT);
            assertArrayEquals(small, (byte[]) assertInstanceOf(byte[].class, client.nextMessage(TIMEOUT)));

            // Larger than one read of the servers' buffers, so it arrives and leaves in many pieces.
            String largeText = "x".repeat(200_000);
            client.send(largeText, TIMEOUT);
            assertEquals(largeText, client.nextMessage(TIMEOUT));

            byte[] largeBinary = new byte[300_000];
            new Random(42).nextBytes(largeBinary);
            client.send(largeBinary, TIMEOUT);
            assertArrayEquals(largeBinary, (byte[]) assertInstanceOf(byte[].class, client.nextMessage(TIMEOUT)));
        }
    }

    void answersTheClientsClose() throws Exception {
        try (JdkWebSocketClient client = JdkWebSocketClient.connect(webSocketBase.resolve("echo"), TIMEOUT)) {
            client.send("before the close", TIMEOUT);
            assertEquals("before the close", client.nextMessage(TIMEOUT));
            client.sendClose(1000, "done", TIMEOUT);
            assertEquals(1000, client.awaitClose(TIMEOUT).code(), "the server should answer with the client's code");
        }
    }

    void closesFromTheServer() throws Exception {
        try (JdkWebSocketClient client = JdkWebSocketClient.connect(webSocketBase.resolve("goodbye"), TIMEOUT)) {
            client.send("Ferry", TIMEOUT);
            assertEquals(new JdkMessageCollector.Close(GoodbyeEndpoint.CLOSE_CODE, "goodbye Ferry"),
                    client.awaitClose(TIMEOUT));
        }
    }

    void echoesAFirstFrameSentWithTheHandshake() throws Exception {
        EarlyFrameClient.Answer answer =
                EarlyFrameClient.sendWithHandshake(webSocketBase.resolve("echo"), "sent early", TIMEOUT);
        assertEquals("101", answer.statusLine().split(" ")[1], answer.statusLine());
        assertEquals("sent early", answer.echoed());
    }

    /** An async send with a {@code SendHandler} completes, and the handler hears it went well. */
    void completesAsyncSends() throws Exception {
        try (JdkWebSocketClient client = JdkWebSocketClient.connect(webSocketBase.resolve("async"), TIMEOUT)) {
            client.send("async", TIMEOUT);
            assertEquals("async", client.nextMessage(TIMEOUT));
            assertEquals("sent ok=true", client.nextMessage(TIMEOUT));
        }
    }

    /**
     * Endpoint callbacks run with the application's context class loader, and with its JNDI
     * context when the server binds one for its own request threads (Tomcat does, through the
     * same {@code ContextBind} that Ferry's direct I/O uses).
     */
    void runsCallbacksInTheApplicationsContext(boolean jndi) throws Exception {
        try (JdkWebSocketClient client = JdkWebSocketClient.connect(webSocketBase.resolve("callback-context"), TIMEOUT)) {
            client.send("?", TIMEOUT);
            assertEquals("applicationClassLoader=true jndi=" + jndi, client.nextMessage(TIMEOUT));
        }
    }

    /** Everything above. */
    void all(boolean jndi) throws Exception {
        echoesTextAndBinary();
        echoesAFirstFrameSentWithTheHandshake();
        completesAsyncSends();
        runsCallbacksInTheApplicationsContext(jndi);
        answersTheClientsClose();
        closesFromTheServer();
    }
}
