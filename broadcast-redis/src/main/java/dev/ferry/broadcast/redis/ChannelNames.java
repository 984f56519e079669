package dev.ferry.broadcast.redis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Topic names and Redis channels: a channel is the prefix followed by the topic, in UTF-8. */
final class ChannelNames {

    private final byte[] prefix;

    ChannelNames(String prefix) {
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
    }

    byte[] channel(String topic) {
        byte[] name = topic.getBytes(StandardCharsets.UTF_8);
        byte[] channel = Arrays.copyOf(prefix, prefix.length + name.length);
        System.arraycopy(name, 0, channel, prefix.length, name.length);
        return channel;
    }

    /** The topic of {@code channel}, or null when it is not one of ours. */
    String topic(byte[] channel) {
        if (channel.length <= prefix.length || !Arrays.equals(channel, 0, prefix.length, prefix, 0, prefix.length)) {
            return null;
        }
        return new String(channel, prefix.length, channel.length - prefix.length, StandardCharsets.UTF_8);
    }
}
