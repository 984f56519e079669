package dev.ferry.benchmarks.netty;

import dev.ferry.benchmarks.servers.JvmStats;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * Answers {@code GET /stats} and {@code GET /stats?alloc} as the servlet flavours' stats servlet
 * does ({@link JvmStats}), then closes the connection; passes every other request on to the
 * WebSocket handshake. It runs on the event loop, like the servlet flavours' stats servlet runs
 * on a container thread: measurements are only taken between load phases.
 */
final class StatsHandler extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request) || !isStats(request.uri())) {
            ctx.fireChannelRead(msg);
            return;
        }
        String uri = request.uri();
        request.release();
        int q = uri.indexOf('?');
        byte[] body = JvmStats.answer(q < 0 ? null : uri.substring(q + 1)).getBytes(StandardCharsets.US_ASCII);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static boolean isStats(String uri) {
        return uri.equals("/stats") || uri.startsWith("/stats?");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
