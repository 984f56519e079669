package dev.ferry.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.embedded.ServerKind;
import dev.ferry.samples.tcp.TcpTarget;
import org.junit.jupiter.api.Test;

class SamplesMainTest {

    @Test
    void defaultsToTomcatOn8080WithoutBridge() {
        SamplesMain.Options options = SamplesMain.parse(new String[0]);
        assertEquals(new SamplesMain.Options(8080, ServerKind.TOMCAT, null), options);
    }

    @Test
    void readsEveryOption() {
        assertEquals(new SamplesMain.Options(0, ServerKind.JETTY, new TcpTarget("127.0.0.1", 5900)),
                SamplesMain.parse(new String[] {"--port", "0", "--container", "jetty", "--tcp-target", "127.0.0.1:5900"}));
        assertNull(SamplesMain.parse(new String[] {"--help"}));
        SamplesMain.Options clustered = SamplesMain.parse(new String[] {"--redis", "redis://10.0.0.5:6379", "--node", "a"});
        assertEquals(java.util.Map.of("dev.ferry.broadcast.redis.uri", "redis://10.0.0.5:6379",
                "dev.ferry.broadcast.nodeName", "a"), clustered.settings());
        assertEquals(java.util.Map.of(), SamplesMain.parse(new String[0]).settings());
    }

    @Test
    void refusesABadTarget() {
        assertThrows(IllegalArgumentException.class, () -> SamplesMain.parse(new String[] {"--tcp-target", "nowhere"}));
    }
}
