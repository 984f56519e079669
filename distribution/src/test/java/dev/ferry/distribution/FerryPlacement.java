package dev.ferry.distribution;

/** Where Ferry is installed: what the install pages in docs/ describe for each server. */
enum FerryPlacement {

    /** In the server (Tomcat's {@code lib/}, a Jetty module): the WAR holds neither Ferry nor the API. */
    SERVER,

    /**
     * Inside the WAR's {@code WEB-INF/lib}, with the WebSocket API jars, on a server nobody changed
     * (Tomcat keeps {@code lib/tomcat-websocket.jar}; Jetty's WebSocket modules stay off).
     */
    WAR
}
