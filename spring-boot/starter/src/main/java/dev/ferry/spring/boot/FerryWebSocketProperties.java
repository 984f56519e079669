package dev.ferry.spring.boot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Ferry's container-wide settings as Spring properties: {@code ferry.websocket.<name>} becomes
 * Ferry's servlet-context parameter {@code dev.ferry.<name>} (see Ferry's README,
 * "Configuration"). A property left unset keeps Ferry's default, which is why every field may be
 * null; sizes take Spring's units ({@code 64KB}, plain numbers are bytes) and times Spring's
 * durations ({@code 30s}, plain numbers are milliseconds).
 */
@ConfigurationProperties(prefix = "ferry.websocket")
public class FerryWebSocketProperties {

    /** Whether Ferry serves the application's WebSockets; false leaves the starter out entirely. */
    private boolean enabled = true;

    /** Size a whole text message may have (UTF-8 bytes); beyond it the connection closes with 1009. */
    private DataSize maxTextMessageSize;

    /** Size a whole binary message may have; beyond it the connection closes with 1009. */
    private DataSize maxBinaryMessageSize;

    /** Payload size one frame may announce; beyond it the connection closes with 1009. */
    private DataSize maxFrameSize;

    /** Time without traffic after which a session is closed (1001); 0 = never. */
    private Duration idleTimeout;

    /** Time a blocking send may take, and the default for async sends; 0 = no limit. */
    private Duration sendTimeout;

    /** Time to wait for the peer's close frame before dropping the connection. */
    private Duration closeTimeout;

    /** Bytes queued for sending per session before reading pauses and sends from handlers fail. */
    private DataSize maxOutboundBytes;

    /** Time after which Ferry pings a connection, keeping it alive through proxies; 0 = never. */
    private Duration pingInterval;

    /** Time a keep-alive ping may wait for its pong; then the connection is closed with 1001. */
    private Duration pongTimeout;

    /** Whether permessage-deflate is negotiated when a client offers it. */
    private Boolean deflate;

    /** False: both sides compress every message afresh, so idle connections hold no zlib state. */
    private Boolean deflateContextTakeover;

    /** Browser origins allowed to open a WebSocket (others get 403); empty or "*" allows all. */
    private List<String> allowedOrigins;

    /** Whether each deployed endpoint's metrics are registered as an MBean. */
    private Boolean jmx;

    /** Whether Ferry reads and writes upgraded plain-TCP sockets itself in Tomcat's NIO connector and Jetty. */
    private Boolean directIo;

    /** Selector threads for direct-I/O connections; 0 = one per two CPUs, at least 1, at most 4. */
    private Integer ioThreads;

    /** Whether direct-I/O connections whose callbacks are short have them run on Ferry's I/O threads. */
    private Boolean inlineDelivery;

    /** Arrays for large messages (64 KB and more) kept for the next ones, in all; 0 = none. */
    private DataSize messageBufferPool;

    /**
     * The properties that are set, as Ferry's servlet-context parameters ({@code dev.ferry.*}
     * names, values in bytes and milliseconds).
     */
    public Map<String, String> toInitParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        putBytes(parameters, "maxTextMessageSize", maxTextMessageSize);
        putBytes(parameters, "maxBinaryMessageSize", maxBinaryMessageSize);
        putBytes(parameters, "maxFrameSize", maxFrameSize);
        putMillis(parameters, "idleTimeout", idleTimeout);
        putMillis(parameters, "sendTimeout", sendTimeout);
        putMillis(parameters, "closeTimeout", closeTimeout);
        putBytes(parameters, "maxOutboundBytes", maxOutboundBytes);
        putMillis(parameters, "pingInterval", pingInterval);
        putMillis(parameters, "pongTimeout", pongTimeout);
        put(parameters, "deflate", deflate);
        put(parameters, "deflateContextTakeover", deflateContextTakeover);
        if (allowedOrigins != null) {
            parameters.put(FerryInitParameters.name("allowedOrigins"), String.join(",", allowedOrigins));
        }
        put(parameters, "jmx", jmx);
        put(parameters, "directIo", directIo);
        put(parameters, "ioThreads", ioThreads);
        put(parameters, "inlineDelivery", inlineDelivery);
        putBytes(parameters, "messageBufferPool", messageBufferPool);
        return parameters;
    }

    private static void putBytes(Map<String, String> parameters, String name, DataSize size) {
        if (size != null) {
            parameters.put(FerryInitParameters.name(name), Long.toString(size.toBytes()));
        }
    }

    private static void putMillis(Map<String, String> parameters, String name, Duration duration) {
        if (duration != null) {
            parameters.put(FerryInitParameters.name(name), Long.toString(duration.toMillis()));
        }
    }

    private static void put(Map<String, String> parameters, String name, Object value) {
        if (value != null) {
            parameters.put(FerryInitParameters.name(name), value.toString());
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public DataSize getMaxTextMessageSize() {
        return maxTextMessageSize;
    }

    public void setMaxTextMessageSize(DataSize maxTextMessageSize) {
        this.maxTextMessageSize = maxTextMessageSize;
    }

    public DataSize getMaxBinaryMessageSize() {
        return maxBinaryMessageSize;
    }

    public void setMaxBinaryMessageSize(DataSize maxBinaryMessageSize) {
        this.maxBinaryMessageSize = maxBinaryMessageSize;
    }

    public DataSize getMaxFrameSize() {
        return maxFrameSize;
    }

    public void setMaxFrameSize(DataSize maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public Duration getSendTimeout() {
        return sendTimeout;
    }

    public void setSendTimeout(Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
    }

    public Duration getCloseTimeout() {
        return closeTimeout;
    }

    public void setCloseTimeout(Duration closeTimeout) {
        this.closeTimeout = closeTimeout;
    }

    public DataSize getMaxOutboundBytes() {
        return maxOutboundBytes;
    }

    public void setMaxOutboundBytes(DataSize maxOutboundBytes) {
        this.maxOutboundBytes = maxOutboundBytes;
    }

    public Duration getPingInterval() {
        return pingInterval;
    }

    public void setPingInterval(Duration pingInterval) {
        this.pingInterval = pingInterval;
    }

    public Duration getPongTimeout() {
        return pongTimeout;
    }

    public void setPongTimeout(Duration pongTimeout) {
        this.pongTimeout = pongTimeout;
    }

    public Boolean getDeflate() {
        return deflate;
    }

    public void setDeflate(Boolean deflate) {
        this.deflate = deflate;
    }

    public Boolean getDeflateContextTakeover() {
        return deflateContextTakeover;
    }

    public void setDeflateContextTakeover(Boolean deflateContextTakeover) {
        this.deflateContextTakeover = deflateContextTakeover;
    }

    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    public Boolean getJmx() {
        return jmx;
    }

    public void setJmx(Boolean jmx) {
        this.jmx = jmx;
    }

    public Boolean getDirectIo() {
        return directIo;
    }

    public void setDirectIo(Boolean directIo) {
        this.directIo = directIo;
    }

    public Integer getIoThreads() {
        return ioThreads;
    }

    public void setIoThreads(Integer ioThreads) {
        this.ioThreads = ioThreads;
    }

    public Boolean getInlineDelivery() {
        return inlineDelivery;
    }

    public void setInlineDelivery(Boolean inlineDelivery) {
        this.inlineDelivery = inlineDelivery;
    }

    public DataSize getMessageBufferPool() {
        return messageBufferPool;
    }

    public void setMessageBufferPool(DataSize messageBufferPool) {
        this.messageBufferPool = messageBufferPool;
    }
}
