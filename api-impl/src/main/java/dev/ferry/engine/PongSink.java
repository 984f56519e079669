package dev.ferry.engine;

import java.nio.ByteBuffer;

/** Where the engine delivers pong frames of one session; exceptions go to the endpoint's {@code onError}. */
public interface PongSink {

    void onPong(ByteBuffer applicationData) throws Exception;
}
