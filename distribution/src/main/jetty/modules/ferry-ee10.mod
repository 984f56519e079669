# Ferry: Jakarta WebSocket 2.2 for the web applications of the ee10 environment, in place of
# Jetty's own WebSocket modules (keep ee10-websocket-jakarta and ee10-websocket-jetty off).
# Copy this file into $JETTY_BASE/modules/, put ferry-<version>.jar,
# jakarta.websocket-api-2.2.0.jar and jakarta.websocket-client-api-2.2.0.jar into
# $JETTY_BASE/lib/ferry/, then: java -jar $JETTY_HOME/start.jar --add-modules=ferry-ee10

[description]
Ferry Jakarta WebSocket 2.2 implementation for ee10 web applications.

[tags]
websocket

[environment]
ee10

[depend]
# Jetty runs ServletContainerInitializers, and so finds Ferry, only with annotation scanning on.
ee10-annotations

[lib]
# On the ee10 environment's class path: the initializer sees jakarta.servlet and Jetty's core
# classes (Ferry hands upgraded connections over through them), and web applications see the
# jakarta.websocket API.
lib/ferry/*.jar
