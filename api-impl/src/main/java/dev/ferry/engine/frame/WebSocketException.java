package dev.ferry.engine.frame;

/**
 * A failure that ends a WebSocket connection with a known close code.
 *
 * <p>Every layer of the engine throws this one type (the parser 1002, the UTF-8 validator 1007,
 * the size limits 1009, an endpoint failure 1011 ...) so that exactly one place, the connection,
 * turns any failure into the right close frame and then closes the transport.
 */
public class WebSocketException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int closeCode;

    public WebSocketException(int closeCode, String reason) {
        super(reason);
        this.closeCode = closeCode;
    }

    public WebSocketException(int closeCode, String reason, Throwable cause) {
        super(reason, cause);
        this.closeCode = closeCode;
    }

    /** The RFC 6455 close code to send to the peer. */
    public int closeCode() {
        return closeCode;
    }

    public static WebSocketException protocolError(String reason) {
        return new WebSocketException(CloseCodes.PROTOCOL_ERROR, reason);
    }

    public static WebSocketException invalidPayload(String reason) {
        return new WebSocketException(CloseCodes.INVALID_PAYLOAD, reason);
    }

    public static WebSocketException tooBig(String reason) {
        return new WebSocketException(CloseCodes.MESSAGE_TOO_BIG, reason);
    }
}
