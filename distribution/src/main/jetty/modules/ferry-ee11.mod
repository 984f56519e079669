# Ferry: Jakarta WebSocket 2.2 for the web applications of the ee11 environment, in place of
# Jetty's own WebSocket modules (keep ee11-websocket-jakarta and ee11-websocket-jetty off).
# Copy this file into $JETTY_BASE/modules/, put ferry-<version>.jar,
# jakarta.websocket-api-2.2.0.jar and jakarta.websocket-client-api-2.2.0.jar into
# $JETTY_BASE/lib/ferry/, then: java -jar $JETTY_HOME/start.jar --add-modules=ferry-ee11

[description]
Ferry Jakarta WebSocket 2.2 implementation for ee11 web applications.

[tags]
websocket

[environment]
ee11

[depend]
# Jetty runs ServletContainerInitializers, and so finds Ferry, only with annotation scanning on.
ee11-annotations

[lib]
# On the ee11 environment's class path: the initializer sees jakarta.servlet and Jetty's core
# classes (Ferry hands upgraded connections over through them), and web applications see the
# jakarta.websocket API.
lib/ferry/*.jar
