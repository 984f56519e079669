package dev.ferry.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jayway.jsonpath.JsonPath;
import dev.ferry.config.FerrySettings;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** ferry.websocket.* as Spring binds them, turned into Ferry's settings. */
class FerryWebSocketPropertiesTest {

    private static FerryWebSocketProperties bind(Map<String, Object> values) {
        Map<String, Object> source = new HashMap<>();
        values.forEach((name, value) -> source.put("ferry.websocket." + name, value));
        return new Binder(new MapConfigurationPropertySource(source))
                .bindOrCreate("ferry.websocket", FerryWebSocketProperties.class);
    }

    private static FerrySettings settingsOf(FerryWebSocketProperties properties) {
        return FerrySettings.from(properties.toInitParameters()::get);
    }

    @Test
    void unsetPropertiesKeepFerrysDefaults() {
        FerryWebSocketProperties properties = bind(Map.of());
        assertTrue(properties.toInitParameters().isEmpty(), properties.toInitParameters().toString());
        assertEquals(FerrySettings.defaults(), settingsOf(properties));
    }

    @Test
    void everySettingFerryReadsHasAProperty() {
        Set<String> asked = new TreeSet<>();
        FerrySettings.from(name -> {
            asked.add(name);
            return null;
        });
        FerryWebSocketProperties all = bind(Map.ofEntries(
                Map.entry("max-text-message-size", "1KB"), Map.entry("max-binary-message-size", "2KB"),
                Map.entry("max-frame-size", "3KB"), Map.entry("idle-timeout", "4s"), Map.entry("send-timeout", "5s"),
                Map.entry("close-timeout", "6s"), Map.entry("max-outbound-bytes", "7KB"),
                Map.entry("ping-interval", "8s"), Map.entry("pong-timeout", "9s"), Map.entry("deflate", "false"),
                Map.entry("deflate-context-takeover", "false"), Map.entry("allowed-origins", "https://a.example"),
                Map.entry("jmx", "false"), Map.entry("direct-io", "false"), Map.entry("io-threads", "3"),
                Map.entry("inline-delivery", "false"), Map.entry("message-buffer-pool", "0")));
        assertEquals(asked, new TreeSet<>(all.toInitParameters().keySet()));
    }

    @Test
    void sizesAndTimesTakeSpringsUnitsAndBecomeBytesAndMilliseconds() {
        FerrySettings settings = settingsOf(bind(Map.of(
                "max-text-message-size", "1MB", "max-binary-message-size", "2048", "idle-timeout", "2m",
                "send-timeout", "1500", "allowed-origins", "https://a.example, https://b.example",
                "deflate-context-takeover", "false", "direct-io", "false", "io-threads", "2")));
        assertEquals(1024 * 1024, settings.maxTextMessageSize());
        assertEquals(2048, settings.maxBinaryMessageSize(), "a plain number is bytes");
        assertEquals(120_000, settings.idleTimeoutMillis());
        assertEquals(1_500, settings.sendTimeoutMillis(), "a plain number is milliseconds");
        assertEquals(List.of("https://a.example", "https://b.example"), settings.allowedOrigins());
        assertEquals(false, settings.deflateContextTakeover());
        assertEquals(false, settings.directIo());
        assertEquals(2, settings.ioThreads());
        assertEquals(FerrySettings.defaults().maxFrameSize(), settings.maxFrameSize(), "unset stays Ferry's default");
    }

    /** The defaults an IDE shows (from the configuration metadata) are Ferry's real ones. */
    @Test
    void theDefaultsInTheConfigurationMetadataAreFerrysDefaults() throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Map<String, Object>> properties = JsonPath.read(json, "$.properties[*]");
        Map<String, Object> defaults = new HashMap<>();
        for (Map<String, Object> property : properties) {
            if (property.get("defaultValue") != null) {
                defaults.put(((String) property.get("name")).substring("ferry.websocket.".length()),
                        property.get("defaultValue").toString());
            }
        }
        // Every setting but allowed-origins (no list: any origin) and enabled (the starter's own) documents one.
        assertEquals(17, defaults.size(), defaults.keySet().toString());
        FerryWebSocketProperties bound = bind(defaults);
        assertEquals(16, bound.toInitParameters().size());
        assertEquals(FerrySettings.defaults(), settingsOf(bound));
    }
}
