package dev.ferry.benchmarks.engine;

import dev.ferry.config.FerrySettings;
import dev.ferry.engine.frame.FrameWriter;
import dev.ferry.engine.frame.Opcode;
import dev.ferry.handshake.UpgradeDecision;
import dev.ferry.handshake.UpgradeRequest;
import dev.ferry.server.FerryServerContainer;
import dev.ferry.transport.Transport;
import dev.ferry.transport.TransportListener;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ferry's own share of echoing a message, without sockets or threads: a masked client frame goes
 * into a deployed server session through its transport listener, the annotated endpoint echoes it
 * with {@code getBasicRemote().sendText} (or {@code sendBinary}), and the transport takes the
 * answer at once. What this measures per operation is the CPU time and (with {@code -prof gc})
 * the allocation of the engine and the façade for one message: parsing, assembly, UTF-8,
 * dispatch to the method, encoding the answer, the send queue. The load comparison's figures are
 * this plus the system calls and the container.
 *
 * <p>{@code burst} messages arrive in one read, so a burst of 16 shows what batching saves.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SessionEchoBenchmark {

    @Param({"64", "1024"})
    public int payloadSize;

    @Param({"1", "16"})
    public int burst;

    @Param({"text", "binary"})
    public String kind;

    private FerryServerContainer container;
    private CountingTransport transport;
    private byte[] wire;

    /** The endpoint most applications write. */
    @ServerEndpoint("/echo")
    public static class Echo {
        @OnMessage(maxMessageSize = 16 * 1024 * 1024)
        public void text(String text, Session session) throws IOException {
            session.getBasicRemote().sendText(text);
        }

        @OnMessage(maxMessageSize = 16 * 1024 * 1024)
        public void binary(ByteBuffer data, Session session) throws IOException {
            session.getBasicRemote().sendBinary(data);
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        container = new FerryServerContainer(FerrySettings.from(name -> name.endsWith(".jmx") ? "false" : null),
                getClass().getClassLoader());
        container.addEndpoint(Echo.class);
        UpgradeDecision decision = container.decide(new EchoRequest());
        if (!(decision instanceof UpgradeDecision.Accept accept)) {
            throw new IllegalStateException("Not accepted: " + decision);
        }
        transport = new CountingTransport();
        accept.session().start(transport);
        byte[] payload = new byte[payloadSize];
        java.util.Arrays.fill(payload, (byte) 'x');
        int opcode = kind.equals("text") ? Opcode.TEXT : Opcode.BINARY;
        ByteBuffer one = FrameWriter.encode(true, 0, opcode, ByteBuffer.wrap(payload), true, 0x11223344);
        wire = new byte[one.remaining() * burst];
        for (int i = 0; i < burst; i++) {
            one.duplicate().get(wire, i * one.remaining(), one.remaining());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        container.shutdown();
    }

    /** One read carrying {@link #burst} messages; returns the bytes written back. */
    @Benchmark
    public long echo() {
        long before = transport.bytesWritten;
        // A fresh copy, as a transport hands the engine what it read (the engine unmasks in place).
        transport.listener.onData(ByteBuffer.wrap(wire.clone()));
        return transport.bytesWritten - before;
    }

    /** A transport whose every write completes at once, as a socket with room does. */
    static final class CountingTransport implements Transport {
        TransportListener listener;
        long bytesWritten;
        long writes;

        @Override
        public void start(TransportListener l) {
            this.listener = l;
        }

        @Override
        public void write(ByteBuffer[] buffers, WriteCallback done) {
            writes++;
            for (ByteBuffer b : buffers) {
                bytesWritten += b.remaining();
                b.position(b.limit());
            }
            done.completed();
        }

        @Override
        public void pauseReading() {
        }

        @Override
        public void resumeReading() {
        }

        @Override
        public void close(boolean abort) {
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return null;
        }

        @Override
        public InetSocketAddress localAddress() {
            return null;
        }

        @Override
        public boolean isSecure() {
            return false;
        }
    }

    /** The handshake request of a browser asking for /echo. */
    static final class EchoRequest implements UpgradeRequest {
        private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        EchoRequest() {
            headers.put("Host", List.of("localhost"));
            headers.put("Upgrade", List.of("websocket"));
            headers.put("Connection", List.of("Upgrade"));
            headers.put("Sec-WebSocket-Key", List.of("dGhlIHNhbXBsZSBub25jZQ=="));
            headers.put("Sec-WebSocket-Version", List.of("13"));
        }

        @Override
        public String method() {
            return "GET";
        }

        @Override
        public String protocol() {
            return "HTTP/1.1";
        }

        @Override
        public String path() {
            return "/echo";
        }

        @Override
        public URI requestUri() {
            return URI.create("ws://localhost/echo");
        }

        @Override
        public String queryString() {
            return null;
        }

        @Override
        public Map<String, List<String>> headers() {
            return headers;
        }

        @Override
        public Map<String, List<String>> parameters() {
            return Map.of();
        }

        @Override
        public Principal userPrincipal() {
            return null;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public Object httpSession() {
            return null;
        }

        @Override
        public boolean isSecure() {
            return false;
        }
    }
}
