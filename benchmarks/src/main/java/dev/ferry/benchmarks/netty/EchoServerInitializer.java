package dev.ferry.benchmarks.netty;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/** The pipeline of every accepted connection; see {@link NettyEchoServer}. */
final class EchoServerInitializer extends ChannelInitializer<SocketChannel> {

    /** The same limit as the servlet flavours' endpoint: 16 MiB messages. */
    static final int MAX_MESSAGE_SIZE = 16 * 1024 * 1024;
    /** Upgrade requests are small; only their head matters. */
    private static final int MAX_HTTP_CONTENT = 64 * 1024;

    private final ChannelGroup broadcastGroup;

    EchoServerInitializer(ChannelGroup broadcastGroup) {
        this.broadcastGroup = broadcastGroup;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/")
                .checkStartsWith(true) // "/echo" and "/broadcast"; EchoHandler tells them apart
                .maxFramePayloadLength(MAX_MESSAGE_SIZE)
                .build();
        ChannelPipeline p = ch.pipeline();
        p.addLast(new HttpServerCodec());
        p.addLast(new HttpObjectAggregator(MAX_HTTP_CONTENT));
        p.addLast(new StatsHandler());
        p.addLast(new WebSocketServerProtocolHandler(config));
        p.addLast(new WebSocketFrameAggregator(MAX_MESSAGE_SIZE));
        p.addLast(new EchoHandler(broadcastGroup));
    }
}
