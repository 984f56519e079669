package dev.ferry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.config.FerrySettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FerrySettingsTest {

    private static FerrySettings read(Map<String, String> params) {
        return FerrySettings.from(params::get);
    }

    @Test
    void unsetParametersKeepTheDefaults() {
        assertEquals(FerrySettings.defaults(), read(Map.of()));
    }

    @Test
    void everyParameterIsRead() {
        FerrySettings s = read(Map.ofEntries(
                Map.entry("dev.ferry.maxTextMessageSize", "1"), Map.entry("dev.ferry.maxBinaryMessageSize", "2"),
                Map.entry("dev.ferry.maxFrameSize", "3"), Map.entry("dev.ferry.idleTimeout", "4"),
                Map.entry("dev.ferry.sendTimeout", "5"), Map.entry("dev.ferry.closeTimeout", "6"),
                Map.entry("dev.ferry.maxOutboundBytes", "7"), Map.entry("dev.ferry.pingInterval", "8"),
                Map.entry("dev.ferry.pongTimeout", "9"), Map.entry("dev.ferry.deflate", "false"),
                Map.entry("dev.ferry.deflateContextTakeover", "FALSE"),
                Map.entry("dev.ferry.allowedOrigins", "https://a.example, https://b.example"),
                Map.entry("dev.ferry.jmx", "false"), Map.entry("dev.ferry.directIo", "false"),
                Map.entry("dev.ferry.ioThreads", "3"), Map.entry("dev.ferry.inlineDelivery", "false"),
                Map.entry("dev.ferry.messageBufferPool", "10")));
        assertEquals(new FerrySettings(1, 2, 3, 4, 5, 6, 7, 8, 9, false, false,
                List.of("https://a.example", "https://b.example"), false, false, 3, false, 10), s);
        assertEquals(3, s.effectiveIoThreads());
        assertTrue(FerrySettings.defaults().effectiveIoThreads() >= 1);
    }

    @Test
    void badValuesFailNamingTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("dev.ferry.idleTimeout", "soon")));
        assertTrue(e.getMessage().contains("dev.ferry.idleTimeout"));
        e = assertThrows(IllegalArgumentException.class, () -> read(Map.of("dev.ferry.deflate", "yes")));
        assertTrue(e.getMessage().contains("dev.ferry.deflate"));
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("dev.ferry.maxFrameSize", "-1")));
    }

    @Test
    void originAllowList() {
        FerrySettings open = FerrySettings.defaults();
        assertTrue(open.allowsOrigin("https://anyone.example"));
        FerrySettings star = read(Map.of("dev.ferry.allowedOrigins", "*"));
        assertTrue(star.allowsOrigin("https://anyone.example"));
        FerrySettings listed = read(Map.of("dev.ferry.allowedOrigins", "https://chat.example"));
        assertTrue(listed.allowsOrigin("https://chat.example"));
        assertTrue(listed.allowsOrigin("HTTPS://CHAT.EXAMPLE"));
        assertFalse(listed.allowsOrigin("https://evil.example"));
        assertFalse(listed.allowsOrigin("https://chat.example.evil.example"));
        assertFalse(listed.allowsOrigin("null"));
        assertTrue(listed.allowsOrigin(null), "non-browser clients send no Origin");
    }
}
