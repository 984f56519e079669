package dev.ferry.benchmarks.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The Netty flavour of the load comparison: a plain Netty WebSocket server, written the way
 * Netty's own examples write one, as the fastest WebSocket server on the JVM to measure Ferry
 * against. {@code NettyEchoServer [port] [maxSeconds]}.
 *
 * <p>One NIO event loop thread accepts and serves every connection (the servers it is compared
 * with get one CPU too). Each connection's pipeline is {@code HttpServerCodec},
 * {@code HttpObjectAggregator}, {@link StatsHandler} ({@code GET /stats}, as the servlet flavours
 * serve it), {@code WebSocketServerProtocolHandler} (any path, 16 MiB frames, UTF-8 validation,
 * pings and closes answered by Netty), {@code WebSocketFrameAggregator} (16 MiB) and
 * {@link EchoHandler} (echo on {@code /echo}, send to all on {@code /broadcast}). Netty's default
 * allocator. Prints {@code READY port=<port>} once listening; stops when standard input says
 * {@code stop} or ends, or after {@code maxSeconds}.
 */
public final class NettyEchoServer {

    private static final String HOST = "127.0.0.1";

    private NettyEchoServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        long maxSeconds = args.length > 1 ? Long.parseLong(args[1]) : 1800;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            ChannelGroup broadcastGroup = new DefaultChannelGroup("broadcast", group.next());
            Channel server = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new EchoServerInitializer(broadcastGroup))
                    .bind(HOST, port).sync().channel();
            System.out.println("READY port=" + ((InetSocketAddress) server.localAddress()).getPort()
                    + " flavour=netty version=" + io.netty.util.Version.identify().values());
            System.out.flush();
            Thread lifetime = new Thread(NettyEchoServer::awaitStopCommand, "stdin-watch");
            lifetime.setDaemon(true);
            lifetime.start();
            lifetime.join(TimeUnit.SECONDS.toMillis(maxSeconds));
            server.close().await(5, TimeUnit.SECONDS);
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
        }
        // Exit runs the shutdown hooks, which write a flight recording started at launch.
        System.exit(0);
    }

    private static void awaitStopCommand() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null && !line.trim().equals("stop")) {
                // ignore anything else
            }
        } catch (Exception e) {
            // Standard input broken: treat like end of input.
        }
    }
}
