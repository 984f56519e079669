package dev.ferry.benchmarks.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.ReferenceCountUtil;

/**
 * The application handler, written as Netty's examples write one: on {@code /echo} every text
 * or binary message is written back as it came (the received frame itself, no copy) and the
 * writes are flushed once per read ({@code channelReadComplete}), so that the echoes of one read
 * leave in one write; on {@code /broadcast} a message goes to every {@code /broadcast}
 * connection, the sender included. Pings, pongs and closes never get here: the protocol handler
 * answers them.
 */
final class EchoHandler extends ChannelInboundHandlerAdapter {

    private final ChannelGroup broadcastGroup;
    private boolean broadcast;

    EchoHandler(ChannelGroup broadcastGroup) {
        this.broadcastGroup = broadcastGroup;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof HandshakeComplete handshake) {
            broadcast = handshake.requestUri().startsWith("/broadcast");
            if (broadcast) {
                broadcastGroup.add(ctx.channel()); // removed by the group when the channel closes
            }
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame)) {
            ReferenceCountUtil.release(msg);
        } else if (!broadcast) {
            ctx.write(msg);
        } else {
            WebSocketFrame frame = (WebSocketFrame) msg;
            try {
                for (Channel c : broadcastGroup) {
                    c.writeAndFlush(frame.retainedDuplicate(), c.voidPromise());
                }
            } finally {
                frame.release();
            }
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
