package dev.ferry.tck.arquillian;

/**
 * One embedded servlet container as the Arquillian adapter drives it: started once, then any
 * number of exploded WARs deployed into it and removed again. Ferry is on the server's class path,
 * so each web application finds Ferry's {@code ServletContainerInitializer} the way an installed
 * server would.
 */
public interface ServletServer {

    /** Starts the server listening on {@code address}; port 0 picks a free port. */
    void start(String address, int port) throws Exception;

    /** The port the server actually listens on. */
    int port();

    /**
     * Creates and starts a web application from {@code war}. A start that fails is reported in the
     * result, not thrown: whether that fails the deployment is the adapter's decision.
     */
    StartResult deploy(ExplodedWar war) throws Exception;

    /** Stops and removes the web application deployed from {@code war}; nothing if it is not deployed. */
    void undeploy(ExplodedWar war) throws Exception;

    void stop() throws Exception;

    /** How a web application's start went. {@code cause} is the first failure seen, when known. */
    record StartResult(boolean available, Throwable cause) {

        public static StartResult started() {
            return new StartResult(true, null);
        }

        public static StartResult failed(Throwable cause) {
            return new StartResult(false, cause);
        }
    }
}
