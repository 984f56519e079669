package dev.ferry.engine;

/**
 * Where the engine delivers text messages of one session.
 *
 * <p>The engine calls a sink for one message at a time, from one thread at a time. Any exception
 * thrown here is routed by the engine to the endpoint's {@code onError}.
 */
public interface TextSink {

    /**
     * {@code true}: the engine buffers the whole message (bounded by the session's maximum text
     * message buffer size) and calls {@link #onText} once with {@code last == true}.
     * {@code false}: the engine calls {@link #onText} per fragment or chunk, cut at code point
     * boundaries.
     */
    boolean wantsWholeMessage();

    void onText(String text, boolean last) throws Exception;
}
