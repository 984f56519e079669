package dev.ferry.benchmarks.memory;

import dev.ferry.client.FerryClientContainer;
import dev.ferry.handshake.FerryExtension;
import dev.ferry.handshake.FerryExtensionParameter;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one idle connection costs a server outside its Java heap, with and without
 * permessage-deflate: opens N connections to the echo endpoint of a running server process, sends
 * one message on each, and compares the process's resident memory outside its (pre-touched,
 * fixed-size) heap before and after. zlib's state lives there, not in the heap.
 *
 * <p>{@code DeflateMemory PORT PID N off|context|nocontext}; see {@code deflate-memory.sh}.
 */
public final class DeflateMemory {

    private DeflateMemory() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String pid = args[1];
        int connections = Integer.parseInt(args[2]);
        String mode = args[3];
        String message = "hello ferry ".repeat(100);
        try (FerryClientContainer client = new FerryClientContainer()) {
            List<Session> sessions = new ArrayList<>();
            long before = outsideHeapKib(pid);
            for (int i = 0; i < connections; i++) {
                CountDownLatch echoed = new CountDownLatch(1);
                Session session = client.connectToServer(new Endpoint() {
                    @Override
                    public void onOpen(Session s, EndpointConfig config) {
                        s.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> echoed.countDown());
                    }
                }, config(mode), URI.create("ws://127.0.0.1:" + port + "/echo"));
                session.getBasicRemote().sendText(message);
                if (!echoed.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("No echo on connection " + i);
                }
                sessions.add(session);
            }
            long after = outsideHeapKib(pid);
            System.out.printf("%-10s %s: %,d KiB outside the heap before, %,d KiB after: %.1f KiB per connection%n",
                    mode, sessions.get(0).getNegotiatedExtensions(), before, after, (after - before) / (double) connections);
        }
    }

    private static ClientEndpointConfig config(String mode) {
        return switch (mode) {
            case "off" -> ClientEndpointConfig.Builder.create().build();
            case "context" -> ClientEndpointConfig.Builder.create()
                    .extensions(List.<Extension>of(new FerryExtension("permessage-deflate"))).build();
            case "nocontext" -> ClientEndpointConfig.Builder.create().extensions(List.<Extension>of(new FerryExtension(
                    "permessage-deflate", List.of(new FerryExtensionParameter("server_no_context_takeover", null),
                            new FerryExtensionParameter("client_no_context_takeover", null))))).build();
            default -> throw new IllegalArgumentException("mode is off, context or nocontext, not " + mode);
        };
    }

    /** Resident memory minus the committed heap, after a full GC, in KiB. */
    private static long outsideHeapKib(String pid) throws Exception {
        jcmd(pid, "GC.run");
        Thread.sleep(1_000);
        long rss = -1;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        Matcher heap = Pattern.compile("total (\\d+)K").matcher(jcmd(pid, "GC.heap_info"));
        if (rss < 0 || !heap.find()) {
            throw new IllegalStateException("Cannot read the memory of process " + pid);
        }
        return rss - Long.parseLong(heap.group(1));
    }

    private static String jcmd(String pid, String command) throws Exception {
        Process p = new ProcessBuilder("jcmd", pid, command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("jcmd " + command + " did not finish");
        }
        return out;
    }
}
