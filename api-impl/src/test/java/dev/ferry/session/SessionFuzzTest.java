package dev.ferry.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.engine.frame.CloseCodes;
import dev.ferry.engine.frame.FrameWriter;
import dev.ferry.engine.frame.Opcode;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Whatever a client sends — frames built from fuzzed headers and payloads, or raw bytes — the
 * session never lets an exception out of the transport callback, and when it closes it says so
 * with a close code that may travel on the wire, exactly once.
 */
class SessionFuzzTest {

    private static SessionHarness echo() {
        return new SessionHarness((session, config) -> {
            session.addMessageHandler(String.class, text -> {
                try {
                    session.getBasicRemote().sendText(text);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            session.addMessageHandler(ByteBuffer.class, data -> session.getAsyncRemote().sendBinary(data));
        });
    }

    @FuzzTest(maxDuration = "15s")
    void anyClientInputEndsWellFormed(FuzzedDataProvider data) {
        try (SessionHarness h = echo()) {
            int frames = data.consumeInt(0, 8);
            for (int i = 0; i < frames && !h.transport.closed; i++) {
                if (data.consumeBoolean()) {
                    boolean fin = data.consumeBoolean();
                    int rsv = data.consumeInt(0, 7);
                    int opcode = data.consumeInt(0, 15);
                    byte[] payload = data.consumeBytes(data.consumeInt(0, 300));
                    boolean masked = data.consumeInt(0, 9) > 0;
                    h.transport.feed(SessionHarness.bytes(FrameWriter.encode(fin, rsv, opcode, ByteBuffer.wrap(payload),
                            masked, data.consumeInt())));
                } else {
                    h.transport.feed(data.consumeBytes(data.consumeInt(0, 64)));
                }
            }
            assertTrue(h.closes.size() <= 1, "onClose ran " + h.closes.size() + " times");
            for (InMemoryTransport.Frame f : h.transport.frames()) {
                if (f.opcode() == Opcode.CLOSE && f.payload().length >= 2) {
                    assertTrue(CloseCodes.isValidOnWire(f.closeCode()), "sent close code " + f.closeCode());
                }
            }
        }
    }
}
