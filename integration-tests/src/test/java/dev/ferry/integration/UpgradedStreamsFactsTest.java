package dev.ferry.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.embedded.EmbeddedServer;
import dev.ferry.embedded.Initializer;
import dev.ferry.embedded.ServerKind;
import dev.ferry.embedded.WebApp;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What two containers' upgraded streams do, without Ferry: a plain {@link HttpUpgradeHandler} of
 * this test's own, the bytes read from a raw socket. These are the facts the servlet bridge is
 * built on (Tomcat's are the Servlet specification's); where Undertow 2.3 differs, the bridge works
 * around it ({@code dev.ferry.servlet.undertow.UndertowServletUpgrade}), and when one of the
 * Undertow assertions fails after an upgrade, Undertow changed and the work-around may go.
 * Jetty is left out: Ferry never uses its servlet upgrade (see {@code JettyUpgrade}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpgradedStreamsFactsTest {

    private final Map<ServerKind, EmbeddedServer> servers = new EnumMap<>(ServerKind.class);
    /** Each upgraded connection's observations, in the order the connections came. */
    private final BlockingQueue<BlockingQueue<String>> connections = new LinkedBlockingQueue<>();
    /** The observations of the connection the running test upgraded (see {@link #upgrade}). */
    private BlockingQueue<String> observations;

    @BeforeAll
    void startServers() throws Exception {
        for (ServerKind kind : new ServerKind[] {ServerKind.TOMCAT, ServerKind.UNDERTOW}) {
            EmbeddedServer server = kind.create();
            server.start(0, WebApp.builder().initializer(Initializer.of(new FactsInitializer())).build());
            servers.put(kind, server);
        }
    }

    @AfterAll
    void stopServers() throws Exception {
        for (EmbeddedServer server : servers.values()) {
            server.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, names = {"TOMCAT", "UNDERTOW"})
    void aNonBlockingWriteOfPartOfAnArray(ServerKind kind) throws Exception {
        try (RawHttpConnection c = upgrade(kind, "non-blocking")) {
            // write("abcdefgh", 2, 3), then write("XYZW", 1, 2), then nothing more.
            if (kind == ServerKind.UNDERTOW) {
                assertEquals("abcdefghXYZW", ascii(c.readExactly(12)),
                        "Undertow's non-blocking write(byte[], off, len) writes the whole array (off and len ignored)");
            } else {
                assertEquals("cdeYZ", ascii(c.readExactly(5)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, names = {"TOMCAT", "UNDERTOW"})
    void aBlockingWriteOfPartOfAnArray(ServerKind kind) throws Exception {
        try (RawHttpConnection c = upgrade(kind, "blocking")) {
            assertEquals("cdeYZ", ascii(c.readUntilClosed(5_000)), "blocking mode (no write listener) honours off and len");
        }
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, names = {"TOMCAT", "UNDERTOW"})
    void theThreadsTheListenersAreCalledOn(ServerKind kind) throws Exception {
        try (RawHttpConnection c = upgrade(kind, "threads")) {
            String init = observations.poll(5, TimeUnit.SECONDS);
            String write = observations.poll(5, TimeUnit.SECONDS);
            c.write("x".getBytes(StandardCharsets.US_ASCII));
            String read = observations.poll(5, TimeUnit.SECONDS);
            assertTrue(String.valueOf(init).startsWith("init ") && String.valueOf(write).startsWith("onWritePossible ")
                    && String.valueOf(read).startsWith("onDataAvailable "), init + " / " + write + " / " + read);
            assertTrue(init.endsWith("application class loader"), init);
            if (kind == ServerKind.UNDERTOW) {
                // XNIO's I/O threads (org.xnio.nio.WorkerThread, "XNIO-1 I/O-N") each serve many
                // connections; Undertow binds nothing of the application to them.
                assertTrue(read.contains(" I/O-") && read.endsWith("other class loader"), read);
                assertTrue(write.contains(" I/O-") && write.endsWith("other class loader"), write);
                assertTrue(init.contains(" task-"), "init runs on a worker thread (XNIO-1 task-N): " + init);
            } else {
                assertTrue(read.endsWith("application class loader"), read);
                assertTrue(write.endsWith("application class loader"), write);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, names = {"TOMCAT", "UNDERTOW"})
    void closingAConnectionWhoseClientReadsNothing(ServerKind kind) throws Exception {
        try (RawHttpConnection c = upgrade(kind, "close-full")) {
            String init = observations.poll(5, TimeUnit.SECONDS);
            assertTrue(String.valueOf(init).startsWith("init "), init);
            assertEquals("full", observations.poll(10, TimeUnit.SECONDS));
            String close = observations.poll(10, TimeUnit.SECONDS);
            if (kind == ServerKind.UNDERTOW) {
                // WebConnection.close() writes what the stream holds with a blocking write: it
                // waits as long as the client reads nothing. Ferry closes Undertow's connection
                // itself to abort (UndertowServletUpgrade).
                assertEquals("close waits", close);
            } else {
                assertEquals("close returned", close);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, names = {"TOMCAT", "UNDERTOW"})
    void aClientThatGoesAwayWhileTheStreamHoldsUnwrittenBytes(ServerKind kind) throws Exception {
        try (RawHttpConnection c = upgrade(kind, "fill")) {
            assertTrue(String.valueOf(observations.poll(5, TimeUnit.SECONDS)).startsWith("init "));
            assertEquals("full", observations.poll(10, TimeUnit.SECONDS));
            c.socket().setSoLinger(true, 0); // a reset, as a client that crashed
        }
        if (kind == ServerKind.UNDERTOW) {
            // Undertow's I/O thread retries the failed write of what it holds, calling onError
            // each time, until the listener throws (without that, forever, at full speed).
            assertEquals("onError", observations.poll(5, TimeUnit.SECONDS));
            assertEquals("onError " + OnFirstWritable.LOOP + " times", observations.poll(5, TimeUnit.SECONDS));
        } else {
            String error = observations.poll(500, TimeUnit.MILLISECONDS);
            assertTrue(error == null || error.equals("onError"), error);
            assertEquals(null, observations.poll(1, TimeUnit.SECONDS), "onError came in a loop");
        }
    }

    private RawHttpConnection upgrade(ServerKind kind, String mode) throws IOException {
        int port = servers.get(kind).port();
        RawHttpConnection c = RawHttpConnection.open(port);
        c.sendRequest("GET", "/facts/" + mode, port, "Upgrade: facts", "Connection: Upgrade");
        RawHttpConnection.Head head = c.readHead();
        assertEquals(101, head.status(), head.statusLine());
        try {
            observations = connections.poll(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return c;
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private final class FactsInitializer implements ServletContainerInitializer {
        @Override
        public void onStartup(Set<Class<?>> classes, ServletContext context) {
            context.addServlet("facts", new FactsServlet()).addMapping("/facts/*");
        }
    }

    private final class FactsServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response)
                throws IOException, ServletException {
            response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
            response.setHeader("Upgrade", "facts");
            response.setHeader("Connection", "Upgrade");
            FactsHandler handler = request.upgrade(FactsHandler.class);
            handler.mode = request.getPathInfo().substring(1);
            handler.applicationLoader = request.getServletContext().getClassLoader();
            BlockingQueue<String> seen = new LinkedBlockingQueue<>();
            handler.observations = seen;
            connections.add(seen);
        }
    }

    /** Public with a no-argument constructor: the container creates it. Fields set before init. */
    public static final class FactsHandler implements HttpUpgradeHandler {
        volatile String mode;
        volatile ClassLoader applicationLoader;
        volatile BlockingQueue<String> observations;

        public FactsHandler() {
        }

        @Override
        public void init(WebConnection connection) {
            try {
                observe("init");
                ServletOutputStream out = connection.getOutputStream();
                switch (mode) {
                    case "blocking" -> {
                        out.write("abcdefgh".getBytes(StandardCharsets.US_ASCII), 2, 3);
                        out.write("XYZW".getBytes(StandardCharsets.US_ASCII), 1, 2);
                        out.flush();
                        connection.close();
                    }
                    case "non-blocking" -> out.setWriteListener(new OnFirstWritable(() -> {
                        out.write("abcdefgh".getBytes(StandardCharsets.US_ASCII), 2, 3);
                        if (out.isReady()) {
                            out.write("XYZW".getBytes(StandardCharsets.US_ASCII), 1, 2);
                        }
                        if (out.isReady()) {
                            out.flush(); // Tomcat holds what was written until then
                        }
                    }, observations));
                    case "threads" -> observeListeners(connection.getInputStream(), out);
                    case "close-full" -> out.setWriteListener(new OnFirstWritable(() -> fillThenClose(connection, out),
                            observations));
                    case "fill" -> out.setWriteListener(new OnFirstWritable(() -> fill(out), observations));
                    default -> throw new IllegalArgumentException(mode);
                }
            } catch (Exception e) {
                observations.add("failed: " + e);
            }
        }

        /**
         * Writes until the stream is not ready (the client reads nothing, so the container holds
         * the rest of the last write), then closes the connection from a thread of its own and
         * says whether that close returned within a second.
         */
        private void fillThenClose(WebConnection connection, ServletOutputStream out) throws IOException {
            fill(out);
            Thread closer = new Thread(() -> {
                try {
                    connection.close();
                } catch (Exception e) {
                    // The client went away at the end of the test: the close that waited gives up.
                }
            }, "facts-closer");
            closer.setDaemon(true);
            closer.start();
            try {
                closer.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            observations.add(closer.isAlive() ? "close waits" : "close returned");
        }

        /**
         * Writes until the stream is not ready: the container holds the rest of the last write.
         * Writes of 32 MiB, more than the sockets' buffers on both ends take, so that what the
         * container holds never fits into them while the client reads nothing.
         */
        private void fill(ServletOutputStream out) throws IOException {
            byte[] chunk = new byte[32 << 20];
            while (out.isReady()) {
                out.write(chunk, 0, chunk.length);
            }
            observations.add("full");
        }

        /** Says where the container calls the first onWritePossible and each onDataAvailable. */
        private void observeListeners(ServletInputStream in, ServletOutputStream out) {
            out.setWriteListener(new OnFirstWritable(() -> observe("onWritePossible"), observations));
            in.setReadListener(new ReadListener() {
                @Override
                public void onDataAvailable() throws IOException {
                    byte[] buffer = new byte[64];
                    while (in.isReady() && in.read(buffer) >= 0) {
                        // drain what came
                    }
                    observe("onDataAvailable");
                }

                @Override
                public void onAllDataRead() {
                }

                @Override
                public void onError(Throwable t) {
                    // The client closing the connection at the end of the test; nothing observed.
                }
            });
        }

        private void observe(String what) {
            observations.add(what + " " + describeCurrentThread());
        }

        private String describeCurrentThread() {
            Thread t = Thread.currentThread();
            return "on " + t.getName() + " with the "
                    + (t.getContextClassLoader() == applicationLoader ? "application" : "other") + " class loader";
        }

        @Override
        public void destroy() {
        }
    }

    /**
     * Runs {@code action} at the container's first onWritePossible only. Says when onError comes,
     * and when it has come {@link #LOOP} times, throws: a container that calls it in a loop
     * (Undertow) gets out of the loop only that way.
     */
    private static class OnFirstWritable implements WriteListener {
        /** So many onError calls for one connection are a loop. */
        static final int LOOP = 100;
        private final IoAction action;
        private final BlockingQueue<String> observations;
        private boolean done;
        private int errors;

        OnFirstWritable(IoAction action, BlockingQueue<String> observations) {
            this.action = action;
            this.observations = observations;
        }

        @Override
        public void onWritePossible() throws IOException {
            if (!done) {
                done = true;
                action.run();
            }
        }

        @Override
        public void onError(Throwable t) {
            if (++errors == 1) {
                observations.add("onError");
            } else if (errors == LOOP) {
                observations.add("onError " + LOOP + " times");
                throw new IllegalStateException("Thrown to end the container's loop of onError calls (a test of it)");
            }
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
