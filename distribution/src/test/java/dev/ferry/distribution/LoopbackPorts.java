package dev.ferry.distribution;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks free TCP ports on the loopback interface for servers that need a fixed port in their configuration. */
final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /**
     * @return a port that was free a moment ago. Another process could take it before the server
     *         binds it; the server then fails to start and the test says so, which is rare enough.
     */
    static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
