package dev.ferry.samples.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TcpTargetTest {

    @Test
    void parsesHostAndPort() {
        assertEquals(new TcpTarget("localhost", 5900), TcpTarget.parse("localhost:5900"));
        assertEquals(new TcpTarget("::1", 22), TcpTarget.parse("[::1]:22"));
        assertEquals("[::1]:22", TcpTarget.parse("[::1]:22").toString());
        assertEquals("127.0.0.1:7", new TcpTarget("127.0.0.1", 7).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", ":5900", "localhost:", "localhost:x", "localhost:0", "localhost:65536"})
    void refusesWhatIsNotHostColonPort(String text) {
        assertThrows(IllegalArgumentException.class, () -> TcpTarget.parse(text));
    }

    @Test
    void closeReasonsAreCutToWhatAFrameHolds() {
        String cut = TcpLink.fit("é".repeat(100));
        assertEquals(61, cut.length()); // 61 two-byte characters = 122 bytes, the next would make 124
        assertEquals("short", TcpLink.fit("short"));
        assertEquals("", TcpLink.fit(null));
    }
}
