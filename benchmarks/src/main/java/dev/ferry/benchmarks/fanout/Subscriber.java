package dev.ferry.benchmarks.fanout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * One client connection of the fan-out benchmark: opens with a checked handshake, then reads the
 * server's unmasked text frames and reports each message's number (its first 8 payload bytes,
 * hexadecimal) as the message ends. The payload beyond them is skipped in bulk, so reading costs
 * little per byte. The publisher is a subscriber that also sends masked frames.
 */
final class Subscriber {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final long HANDSHAKE_TIMEOUT_MS = 10_000;

    /** Hears the end of each message. */
    interface Listener {
        void received(long number);
    }

    final SocketChannel channel;
    private final SplittableRandom random;
    // Frame parsing state.
    private final byte[] header = new byte[4];
    private int headerHave;
    private int headerNeed = 2;
    private long payloadLeft;
    private int digits;
    private long number;
    private boolean inPayload;

    private Subscriber(SocketChannel channel, SplittableRandom random) {
        this.channel = channel;
        this.random = random;
    }

    /**
     * Connects and completes the opening handshake (blocking, closed by a watchdog after
     * {@link #HANDSHAKE_TIMEOUT_MS}), then switches to non-blocking reads.
     */
    static Subscriber open(InetSocketAddress server, String path, SplittableRandom random,
            java.util.concurrent.ScheduledExecutorService watchdogs) throws IOException {
        SocketChannel channel = SocketChannel.open();
        java.util.concurrent.ScheduledFuture<?> watchdog = watchdogs.schedule(() -> {
            try {
                channel.close();
            } catch (IOException e) {
                // closing anyway
            }
        }, HANDSHAKE_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.connect(server);
            byte[] keyBytes = new byte[16];
            random.nextBytes(keyBytes);
            String key = Base64.getEncoder().encodeToString(keyBytes);
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + server.getAddress().getHostAddress() + ":"
                    + server.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                    + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            String response = readHead(channel);
            if (!response.startsWith("HTTP/1.1 101") || !response.contains(accept(key))) {
                throw new IOException("Not a WebSocket handshake answer: " + response.lines().findFirst().orElse(""));
            }
            channel.configureBlocking(false);
            return new Subscriber(channel, random);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw new IOException("Handshake with " + server + " failed (or took over " + HANDSHAKE_TIMEOUT_MS
                    + " ms): " + e, e);
        } finally {
            watchdog.cancel(false);
        }
    }

    /** Reads byte by byte up to the blank line: nothing of the first frames is read with it (the server sends none before we do). */
    private static String readHead(SocketChannel channel) throws IOException {
        StringBuilder head = new StringBuilder();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (!head.toString().endsWith("\r\n\r\n")) {
            one.clear();
            if (channel.read(one) < 0) {
                throw new IOException("Connection closed during the handshake: " + head);
            }
            head.append((char) one.get(0));
        }
        return head.toString();
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code payload} as one masked text frame (fewer than 64 KiB). */
    void sendText(byte[] payload) throws IOException {
        int length = payload.length;
        ByteBuffer frame = ByteBuffer.allocate(8 + length);
        frame.put((byte) 0x81);
        if (length <= 125) {
            frame.put((byte) (0x80 | length));
        } else {
            frame.put((byte) (0x80 | 126)).putShort((short) length);
        }
        int mask = random.nextInt();
        frame.putInt(mask);
        for (int i = 0; i < length; i++) {
            frame.put((byte) (payload[i] ^ (mask >>> (24 - 8 * (i & 3)))));
        }
        frame.flip();
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
    }

    /** Parses what was read; tells {@code listener} of every message that ended. */
    void parse(ByteBuffer in, Listener listener) throws IOException {
        while (in.hasRemaining()) {
            if (!inPayload) {
                header[headerHave++] = in.get();
                if (headerHave == 2) {
                    if ((header[0] & 0x0F) != 1 || (header[0] & 0x80) == 0) {
                        throw new IOException("Expected a whole text frame, got first byte " + (header[0] & 0xFF));
                    }
                    int len = header[1] & 0x7F;
                    if (len == 127) {
                        throw new IOException("Unexpectedly large frame");
                    }
                    headerNeed = len == 126 ? 4 : 2;
                    payloadLeft = len;
                }
                if (headerHave == headerNeed) {
                    if (headerNeed == 4) {
                        payloadLeft = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
                    }
                    headerHave = 0;
                    headerNeed = 2;
                    inPayload = true;
                    digits = 0;
                    number = 0;
                    if (payloadLeft == 0) {
                        throw new IOException("Empty message");
                    }
                }
            } else if (digits < 8) {
                number = number << 4 | Character.digit(in.get(), 16);
                digits++;
                if (--payloadLeft == 0) {
                    end(listener);
                }
            } else {
                int skip = (int) Math.min(payloadLeft, in.remaining());
                in.position(in.position() + skip);
                payloadLeft -= skip;
                if (payloadLeft == 0) {
                    end(listener);
                }
            }
        }
    }

    private void end(Listener listener) {
        inPayload = false;
        listener.received(number);
    }
}
