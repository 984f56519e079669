package dev.ferry.broadcast.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings, channel names and envelopes: what needs no Redis. */
class RedisRelaySettingsTest {

    @Test
    void noUriMeansNoRelay() {
        assertNull(RedisRelaySettings.from(name -> null));
        assertNull(RedisRelaySettings.from(Map.of("dev.ferry.broadcast.redis.uri", " ")::get));
    }

    @Test
    void readsTheSettingsAndHidesTheCredentials() {
        RedisRelaySettings s = RedisRelaySettings.from(Map.of(
                "dev.ferry.broadcast.redis.uri", "redis://ferry:secret@redis.example:6380/2",
                "dev.ferry.broadcast.redis.channelPrefix", "shop:",
                "dev.ferry.broadcast.redis.maxReconnectDelay", "5000")::get);
        assertEquals("shop:", s.channelPrefix());
        assertEquals(Duration.ofSeconds(5), s.maxReconnectDelay());
        assertEquals("redis://redis.example:6380/2", s.broker());
        RedisRelaySettings d = RedisRelaySettings.from(Map.of("dev.ferry.broadcast.redis.uri", "redis://h")::get);
        assertEquals("ferry:broadcast:", d.channelPrefix());
        assertEquals(Duration.ofSeconds(2), d.maxReconnectDelay());
    }

    @Test
    void aWrongSettingIsNamed() {
        IllegalArgumentException uri = assertThrows(IllegalArgumentException.class,
                () -> RedisRelaySettings.from(Map.of("dev.ferry.broadcast.redis.uri", "http://not-redis")::get));
        assertTrue(uri.getMessage().startsWith("Setting dev.ferry.broadcast.redis.uri is not a Redis URI"),
                uri.getMessage());
        IllegalArgumentException delay = assertThrows(IllegalArgumentException.class,
                () -> RedisRelaySettings.from(Map.of("dev.ferry.broadcast.redis.uri", "redis://h",
                        "dev.ferry.broadcast.redis.maxReconnectDelay", "10")::get));
        assertTrue(delay.getMessage().startsWith("Setting dev.ferry.broadcast.redis.maxReconnectDelay"));
    }

    @Test
    void channelsAreThePrefixAndTheTopic() {
        ChannelNames names = new ChannelNames("ferry:broadcast:");
        byte[] channel = names.channel("room/café");
        assertEquals("ferry:broadcast:room/café", new String(channel, StandardCharsets.UTF_8));
        assertEquals("room/café", names.topic(channel));
        assertNull(names.topic("other:room".getBytes(StandardCharsets.UTF_8)));
        assertNull(names.topic("ferry:broadcast:".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEnvelopeCarriesTheKindTheOriginTheSequenceAndTheBytes() {
        byte[] bytes = new Envelope(false, -5, 77, ByteBuffer.wrap(new byte[] {9, 8})).encode();
        assertEquals(Envelope.HEADER + 2, bytes.length);
        Envelope back = Envelope.decode(bytes);
        assertEquals(false, back.text());
        assertEquals(-5, back.origin());
        assertEquals(77, back.sequence());
        assertEquals(ByteBuffer.wrap(new byte[] {9, 8}), back.payload());
        assertNull(Envelope.decode(new byte[] {1, 1, 0}));
        assertNull(Envelope.decode("hello from someone else".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSequenceSeenBeforeIsADuplicateAndEachOriginCountsAlone() {
        SeenSequences seen = new SeenSequences();
        assertTrue(seen.firstTime(1, 5));
        assertTrue(!seen.firstTime(1, 5));
        assertTrue(!seen.firstTime(1, 4));
        assertTrue(seen.firstTime(1, 9));
        assertTrue(seen.firstTime(2, 1), "another node numbers on its own");
    }
}
