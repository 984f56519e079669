package dev.ferry.benchmarks.servers;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;

/**
 * The {@code tomcat-bare} flavour: no WebSocket implementation at all, only a servlet at
 * {@code /echo} that answers the opening handshake with 101 and upgrades the connection to a
 * {@link HttpUpgradeHandler} that does nothing. What an idle connection costs there is the
 * container's own floor for an upgraded connection (its processor, socket wrapper and buffers),
 * which any WebSocket implementation built on the servlet upgrade pays before its own share.
 * Only the heap scenarios make sense against it: nothing is ever echoed.
 */
final class BareUpgrade implements ServletContainerInitializer {

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.addServlet("bare-upgrade", new UpgradeServlet()).addMapping("/echo");
    }

    /** Answers any request with a {@code Sec-WebSocket-Key} with 101 and upgrades to {@link Idle}. */
    private static final class UpgradeServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response)
                throws IOException, ServletException {
            String key = request.getHeader("Sec-WebSocket-Key");
            if (key == null) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
            response.setHeader("Upgrade", "websocket");
            response.setHeader("Connection", "Upgrade");
            response.setHeader("Sec-WebSocket-Accept", accept(key));
            request.upgrade(Idle.class);
        }
    }

    private static String accept(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return Base64.getEncoder().encodeToString(sha1.digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Does nothing with the connection: it stays open and idle until the peer or the JVM ends it. */
    public static final class Idle implements HttpUpgradeHandler {
        @Override
        public void init(WebConnection connection) {
            // Nothing: neither a read nor a write listener, no buffers of our own.
        }

        @Override
        public void destroy() {
            // Nothing held.
        }
    }
}
