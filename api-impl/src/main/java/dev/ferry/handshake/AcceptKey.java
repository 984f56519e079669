package dev.ferry.handshake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Computes {@code Sec-WebSocket-Accept} from the client's {@code Sec-WebSocket-Key} (RFC 6455 §4.2.2). */
public final class AcceptKey {

    /** The GUID RFC 6455 appends to the key so that only a WebSocket server can answer correctly. */
    static final String MAGIC_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /**
     * Cloned for each key: a clone costs less than the provider lookup of {@code getInstance}, and
     * this one is never used itself, so it holds no state.
     */
    private static final MessageDigest SHA1 = sha1();

    private AcceptKey() {
    }

    /** Base64 of the SHA-1 of {@code secWebSocketKey} (as sent, trimmed) followed by the GUID. */
    public static String compute(String secWebSocketKey) {
        MessageDigest sha1;
        try {
            sha1 = (MessageDigest) SHA1.clone();
        } catch (CloneNotSupportedException e) {
            sha1 = sha1(); // a provider whose SHA-1 cannot be cloned: look it up each time
        }
        byte[] digest = sha1.digest((secWebSocketKey.trim() + MAGIC_GUID).getBytes(StandardCharsets.ISO_8859_1));
        return Base64.getEncoder().encodeToString(digest);
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1, so this cannot happen on a conforming JDK.
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
