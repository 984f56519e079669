package dev.ferry.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/**
 * What Ferry must say in a server's log about the way connections go (see the servlet bridge's
 * {@code RouteLog}): one line at the application's start naming the server and the routes it
 * offers, one the first time a connection takes a route.
 */
final class RouteLogLines {

    private RouteLogLines() {
    }

    /**
     * @param serverInfo  the start of the server's {@code ServletContext.getServerInfo()}, e.g. "Apache Tomcat/10.1.59"
     * @param startDetail a part of the start line (what it says about the routes)
     * @param route       the route the sample application's connections took, e.g. "direct I/O on Tomcat NIO"
     */
    static void assertLogged(ServerProcess server, String serverInfo, String startDetail, String route)
            throws Exception {
        String application = "web application /" + SampleWar.CONTEXT;
        List<String> start = server.logLinesWith("Ferry WebSocket serves " + application + " on " + serverInfo);
        assertEquals(1, start.size(), () -> "one start line naming the server and the routes:\n" + log(server));
        assertContains(start.get(0), startDetail, server);
        List<String> taken = server.logLinesWith("Ferry WebSocket, " + application + ": first connection through ");
        assertEquals(List.of(route), taken.stream().map(RouteLogLines::routeOf).distinct().toList(),
                () -> "every connection should take " + route + ":\n" + log(server));
    }

    private static String routeOf(String line) {
        return line.substring(line.indexOf("first connection through ") + "first connection through ".length()).trim();
    }

    private static void assertContains(String line, String part, ServerProcess server) {
        if (!line.contains(part)) {
            throw new AssertionError("expected '" + part + "' in the line '" + line + "':\n" + log(server));
        }
    }

    private static String log(ServerProcess server) {
        try {
            return server.log();
        } catch (java.io.IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
